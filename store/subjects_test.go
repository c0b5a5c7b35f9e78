package store

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A database made before subjects existed gets one subject per distinct
// name, ignoring case, and every assessment linked to it.
func TestMigrationCreatesSubjectsFromNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	if err := createPrivate(path); err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	body, err := migrationFS.ReadFile("migrations/001_initial.sql")
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		`CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
		string(body),
		`INSERT INTO schema_migrations VALUES ('001_initial', 'x')`,
		`INSERT INTO questionnaire_snapshots VALUES ('d', 'q', '1', 'q.yaml', x'00', 'x')`,
		`INSERT INTO assessments (uuid, subject, subject_kind, snapshot_digest, assessed_on, deadlines, created_at, updated_at)
		 VALUES ('u1', 'Acme Cloud Ltd', 'vendor', 'd', '2025-01-10', '{}', '2025-01-10T00:00:00Z', '2025-01-10T00:00:00Z'),
		        ('u2', 'Payroll system', '', 'd', '2025-02-10', '{}', '2025-02-10T00:00:00Z', '2025-02-10T00:00:00Z'),
		        ('u3', 'ACME CLOUD LTD', '', 'd', '2026-01-10', '{}', '2026-01-10T00:00:00Z', '2026-01-10T00:00:00Z'),
		        ('u4', 'Odd kind', 'Partner', 'd', '2026-01-10', '{}', '2026-01-10T00:00:00Z', '2026-01-10T00:00:00Z')`,
	}
	for _, s := range stmts {
		if _, err := old.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	old.Close()

	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type row struct {
		id         int64
		name, kind string
	}
	var subjects []row
	rows, err := db.sql.Query(`SELECT id, name, kind FROM subjects ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r row
		rows.Scan(&r.id, &r.name, &r.kind)
		subjects = append(subjects, r)
	}
	rows.Close()
	want := []row{{1, "ACME CLOUD LTD", "vendor"}, {2, "Payroll system", ""}, {3, "Odd kind", ""}}
	if len(subjects) != len(want) {
		t.Fatalf("subjects %+v, want %+v", subjects, want)
	}
	for i := range want {
		if subjects[i] != want[i] {
			t.Errorf("subject %d: %+v, want %+v", i, subjects[i], want[i])
		}
	}
	links := map[string]int64{}
	rows, _ = db.sql.Query(`SELECT uuid, subject_id, revision FROM assessments`)
	for rows.Next() {
		var u string
		var id int64
		var rev int
		rows.Scan(&u, &id, &rev)
		links[u] = id
		if rev != 1 {
			t.Errorf("%s: revision %d, want 1", u, rev)
		}
	}
	rows.Close()
	if links["u1"] != 1 || links["u3"] != 1 || links["u2"] != 2 || links["u4"] != 3 {
		t.Fatalf("links %v", links)
	}
}

func TestNewAssessmentAttachesToSubjectByName(t *testing.T) {
	contract(t, contractNewAssessmentAttachesToSubjectByName)
}

func contractNewAssessmentAttachesToSubjectByName(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2025-03-01"), nil)
	b := &assess.Assessment{Subject: "  acme cloud LTD ", Questionnaire: q}
	if err := db.CreateAssessment(as("Ana"), b); err != nil {
		t.Fatal(err)
	}
	if b.SubjectID != a.SubjectID || b.Subject != "Acme Cloud Ltd" || b.SubjectKind != "vendor" {
		t.Fatalf("attached to %d %q %q, want subject %d Acme Cloud Ltd vendor", b.SubjectID, b.Subject, b.SubjectKind, a.SubjectID)
	}
	c := &assess.Assessment{Subject: "ACME Cloud Ltd", SubjectKind: "dataset", Questionnaire: q}
	wantCode(t, db.CreateAssessment(as("Ana"), c), assess.EConflict, "Acme Cloud Ltd is recorded as a vendor, not a dataset")
	// A kind only offered (the workspace's default for the questionnaire,
	// not picked) gives way to the kind recorded; a new subject takes it.
	offered := &assess.Assessment{Subject: "acme cloud ltd", SubjectKind: "system", SubjectKindOffered: true, Questionnaire: q}
	if err := db.CreateAssessment(as("Ana"), offered); err != nil || offered.SubjectKind != "vendor" || offered.SubjectID != a.SubjectID {
		t.Fatalf("a kind offered for a recorded vendor: %v, attached as a %q to %d", err, offered.SubjectKind, offered.SubjectID)
	}
	fresh := &assess.Assessment{Subject: "Payroll", SubjectKind: "system", SubjectKindOffered: true, Questionnaire: q}
	if err := db.CreateAssessment(as("Ana"), fresh); err != nil || fresh.SubjectKind != "system" {
		t.Fatalf("a kind offered for a new subject: %v, recorded as a %q", err, fresh.SubjectKind)
	}
	wantCode(t, db.CreateAssessment(as("Ana"), &assess.Assessment{Subject: "X", SubjectKind: "planet", Questionnaire: q}), assess.EInvalid, "unknown subject kind")
	wantCode(t, db.CreateSubject(as("Ana"), &assess.Subject{Name: "ACME CLOUD LTD"}), assess.EConflict, "already a subject named Acme Cloud Ltd")

	s, err := db.FindSubject(as("x"), "Acme cloud ltd")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Assessments) != 3 || s.Assessments[0].ID != a.ID || s.Assessments[1].ID != b.ID || s.Assessments[2].ID != offered.ID {
		t.Fatalf("history: %+v", s.Assessments)
	}
	byID, err := db.FindSubject(as("x"), "1")
	if err != nil || byID.Name != "Acme Cloud Ltd" {
		t.Fatalf("by ID: %v %v", byID, err)
	}
}

// The tier comes from the latest counted third-party assessment; a tier set
// by hand counts only while no assessment sets one.
func TestSubjectTierFromLatestThirdPartyAssessment(t *testing.T) {
	contract(t, contractSubjectTierFromLatestThirdPartyAssessment)
}

func contractSubjectTierFromLatestThirdPartyAssessment(t *testing.T) {
	db, q := testDB(t)
	s := &assess.Subject{Name: "Acme Cloud Ltd", Kind: "vendor", Owner: "Procurement", Contacts: []string{"sec@acme.example"}, SetTier: "low", Notes: "Hosting"}
	if err := db.CreateSubject(as("Ana"), s); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Subject(as("x"), s.ID)
	if got.Tier != "low" || got.TierFrom != 0 || got.Owner != "Procurement" || len(got.Contacts) != 1 {
		t.Fatalf("set by hand: %+v", got)
	}
	// 2025: internal data (1, low sensitivity), disruptive and hard to
	// replace (1 + 1 = 2, medium criticality): row low, column medium: low.
	y1 := newAssessment(t, db, q, "Acme Cloud Ltd", day("2025-03-01"), []assess.Answer{
		choice("data-class", "internal"), choice("outage-impact", "disruptive"), choice("substitutable", "hard")})
	// 2026: special category data (3, high) and a severe outage, hard to
	// replace (2 + 1 = 3, high): critical.
	y2 := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers()[:3])
	got, _ = db.Subject(as("x"), s.ID)
	if got.Tier != "critical" || got.TierFrom != y2.ID {
		t.Fatalf("tier %q from %d, want critical from %d", got.Tier, got.TierFrom, y2.ID)
	}
	if got.Assessments[0].Tier != "low" || got.Assessments[1].Tier != "critical" {
		t.Fatalf("history tiers: %+v", got.Assessments)
	}
	// Rejected and archived assessments do not count.
	mustReview(t, db, y2.ID, "Ana", assess.ActSubmit)
	if _, err := db.Review(as("Rui"), y2.ID, assess.ActReject, day("2026-03-02"), "Wrong vendor entity"); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Subject(as("x"), s.ID)
	if got.Tier != "low" || got.TierFrom != y1.ID {
		t.Fatalf("after rejection: tier %q from %d, want low from %d", got.Tier, got.TierFrom, y1.ID)
	}
	if err := db.SetArchived(as("Ana"), y1.ID, true); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Subject(as("x"), s.ID)
	if got.Tier != "low" || got.TierFrom != 0 {
		t.Fatalf("all archived or rejected: tier %q from %d, want low set by hand", got.Tier, got.TierFrom)
	}
}

// Renaming a subject renames its open assessments, not approved ones, and
// every change is in the audit trail.
func TestRenameSubject(t *testing.T) { contract(t, contractRenameSubject) }

func contractRenameSubject(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2025-03-01"), completeAnswers())
	mustReview(t, db, a.ID, "Ana", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui", assess.ActApprove)
	b := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	name, owner := "Acme Cloud Group", "Vendor management"
	db.Now = func() time.Time { return time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC) }
	if _, err := db.EditSubject(as("Ana"), a.SubjectID, assess.SubjectChange{Name: &name, Owner: &owner}); err != nil {
		t.Fatal(err)
	}
	ga, _ := db.Assessment(as("x"), a.ID)
	gb, _ := db.Assessment(as("x"), b.ID)
	if ga.Subject != "Acme Cloud Ltd" || gb.Subject != "Acme Cloud Group" {
		t.Fatalf("approved %q (want the old name), open %q (want the new)", ga.Subject, gb.Subject)
	}
	evs, _ := db.Events(as("x"), b.ID)
	if last := evs[len(evs)-1]; last.Kind != "subject" || last.Old != `{"kind":"vendor","name":"Acme Cloud Ltd"}` || last.New != `{"kind":"vendor","name":"Acme Cloud Group"}` {
		t.Fatalf("rename record: %+v", last)
	}
	other := &assess.Subject{Name: "Globex"}
	if err := db.CreateSubject(as("Ana"), other); err != nil {
		t.Fatal(err)
	}
	taken := "acme cloud group"
	_, err := db.EditSubject(as("Ana"), other.ID, assess.SubjectChange{Name: &taken})
	wantCode(t, err, assess.EConflict, "already a subject named Acme Cloud Group")
	if res, _ := db.Verify(as("x"), 0); res.Broken != nil {
		t.Fatalf("verify: %v", res.Broken)
	}
}
