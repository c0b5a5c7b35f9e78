package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// rtClock is the store's clock in these tests: 2026-02-03 10:30 UTC.
var rtClock = time.Date(2026, 2, 3, 10, 30, 0, 0, time.UTC)

// rtOpen opens (or reopens) the database file at path with a fixed clock.
func rtOpen(t *testing.T, path string) *DB {
	t.Helper()
	return fixedClock(openAt(t, path), rtClock)
}

func rtVendorScreen(t testing.TB) *assess.Questionnaire {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		t.Fatal("vendor-security-screen is missing")
	}
	return q
}

func rtChoice(id, v string) assess.Answer {
	return assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{v}}}
}

// An assessment written, closed and read back from the file is the one
// that was written: every answer with its note, evidence, source, review
// flag, time and author; every plan edit; the pinned questionnaire and
// deadlines; and a summary that agrees with scoring it again.
func TestRoundTripThroughTheFile(t *testing.T) { contract(t, contractRoundTripThroughTheFile) }

func contractRoundTripThroughTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "assay.db")
	db := rtOpen(t, path)
	q := rtVendorScreen(t)
	ctx := assess.WithActor(context.Background(), "Ana Analyst")

	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: assess.NewDate(2026, 1, 31)}
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || len(a.UUID) != 36 {
		t.Fatalf("id %d, uuid %q", a.ID, a.UUID)
	}
	attestation := rtChoice("attestation", "no")
	attestation.Note = "Certificate expired in 2024; renewal audit booked."
	attestation.Evidence = []string{"ISO 27001 certificate 2021-2024.pdf", "https://acme.example/trust"}
	if err := db.SaveAnswer(ctx, a.ID, attestation); err != nil {
		t.Fatal(err)
	}
	// Answers from the vendor's own file stay unreviewed.
	fromVendor := []assess.Answer{rtChoice("mfa", "partial"), rtChoice("deletion", "no"), rtChoice("policy", "yes")}
	for i := range fromVendor {
		fromVendor[i].Source = assess.ByVendor
	}
	fromVendor[1].Note = "Deletes on request only."
	if err := db.SaveAnswers(assess.WithActor(context.Background(), "Import"), a.ID, fromVendor); err != nil {
		t.Fatal(err)
	}
	edits := []assess.PlanEdit{
		{Key: "attestation", Owner: "Vendor management", Status: assess.ItemInProgress,
			Due: assess.NewDate(2026, 3, 31), DueReason: "Audit booked for March",
			Milestones: []assess.Milestone{{Title: "Audit booked", Due: assess.NewDate(2026, 2, 15), Done: true}, {Title: "Certificate received"}}},
		{Key: "deletion", Owner: "Legal", Action: "Add a deletion clause with a certificate within 30 days."},
	}
	for _, e := range edits {
		if err := editPlan(ctx, db, a.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = rtOpen(t, path) // the same file, opened again: migrations run once
	defer db.Close()
	got, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.UUID != a.UUID || got.Subject != "Acme Cloud Ltd" || got.SubjectKind != "vendor" || got.Reviewer != "Ana Analyst" ||
		got.AssessedOn != assess.NewDate(2026, 1, 31) || got.Status != assess.Draft || got.Archive.Archived() {
		t.Errorf("assessment read back as %+v", got)
	}
	if !got.CreatedAt.Equal(rtClock) || !got.UpdatedAt.Equal(rtClock) {
		t.Errorf("created %v, updated %v, want %v", got.CreatedAt, got.UpdatedAt, rtClock)
	}
	if !reflect.DeepEqual(got.Deadlines, assess.DefaultDeadlines()) {
		t.Errorf("deadlines %v", got.Deadlines)
	}
	if got.Questionnaire.Digest != q.Digest || string(got.Questionnaire.Source) != string(q.Source) || got.Questionnaire.Version != q.Version {
		t.Errorf("questionnaire snapshot %s %s, want %s %s", got.Questionnaire.ID, got.Questionnaire.Digest, q.ID, q.Digest)
	}

	// The answers exactly as written, with what the store adds: who and
	// when, and reviewed for the analyst's own answer only.
	want := assess.Answers{}
	attestation.Source, attestation.Reviewed, attestation.UpdatedBy, attestation.UpdatedAt = assess.ByAnalyst, true, "Ana Analyst", rtClock
	want["attestation"] = attestation
	for _, v := range fromVendor {
		v.Reviewed, v.UpdatedBy, v.UpdatedAt = false, "Import", rtClock
		want[v.QuestionID] = v
	}
	if len(got.Answers) != len(want) {
		t.Errorf("%d answers, want %d", len(got.Answers), len(want))
	}
	for id, w := range want {
		g := got.Answers[id]
		if !g.UpdatedAt.Equal(w.UpdatedAt) {
			t.Errorf("%s updated at %v, want %v", id, g.UpdatedAt, w.UpdatedAt)
		}
		g.UpdatedAt, w.UpdatedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("answer %s\n got %+v\nwant %+v", id, g, w)
		}
	}
	wantEdits := map[string]assess.PlanEdit{}
	for _, e := range edits {
		wantEdits[e.Key] = e
	}
	if !reflect.DeepEqual(got.PlanEdits, wantEdits) {
		t.Errorf("plan edits\n got %+v\nwant %+v", got.PlanEdits, wantEdits)
	}

	// The stored summary is what scoring the loaded assessment gives.
	fresh := assess.Summarize(assess.Evaluate(got, assess.DateOf(rtClock)))
	if !reflect.DeepEqual(got.Summary, fresh) {
		t.Errorf("stored summary\n %+v\nscored again\n %+v", got.Summary, fresh)
	}
	// attestation no (high), mfa partial (medium), deletion no (medium):
	// three findings; four of the thirty-three questions answered (2.10.0).
	if got.Summary.Findings != 3 || got.Summary.Answered != 4 || got.Summary.Total != 33 {
		t.Errorf("summary %+v", got.Summary)
	}
	list, err := db.Assessments(ctx, assess.Filter{})
	if err != nil || len(list) != 1 || list[0].ID != a.ID {
		t.Fatalf("list after reopening: %v %+v", err, list)
	}
	checkListSummary(t, list[0].Summary, got.Summary)
}

// SaveAnswers checks every answer before writing any: one bad answer
// among good ones leaves the answers, the audit trail and the summary as
// they were.
func TestSaveAnswersAllOrNone(t *testing.T) { contract(t, contractSaveAnswersAllOrNone) }

func contractSaveAnswersAllOrNone(t *testing.T) {
	db := rtOpen(t, filepath.Join(t.TempDir(), "assay.db"))
	defer db.Close()
	ctx := assess.WithActor(context.Background(), "Ana Analyst")
	a := &assess.Assessment{Subject: "Acme", Questionnaire: rtVendorScreen(t), AssessedOn: assess.NewDate(2026, 1, 31)}
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(ctx, a.ID, rtChoice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	before, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	trail, err := db.Events(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}

	tooLong := rtChoice("policy", "yes")
	tooLong.Note = strings.Repeat("x", assess.MaxTextLength+1)
	bad := map[string][]assess.Answer{
		"an option the question lacks": {rtChoice("attestation", "no"), rtChoice("policy", "sometimes"), rtChoice("mfa", "no")},
		"an unknown question":          {rtChoice("attestation", "no"), rtChoice("firewall", "yes")},
		"text for a control":           {rtChoice("attestation", "no"), {QuestionID: "logging", Value: assess.Value{Text: "daily"}}},
		"a note that is too long":      {rtChoice("attestation", "no"), tooLong},
	}
	for name, answers := range bad {
		err := db.SaveAnswers(ctx, a.ID, answers)
		if assess.ErrorCode(err) != assess.EInvalid {
			t.Errorf("%s: error %v (%s), want invalid", name, err, assess.ErrorCode(err))
		}
	}
	after, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after.Answers, before.Answers) || !after.UpdatedAt.Equal(before.UpdatedAt) || !reflect.DeepEqual(after.Summary, before.Summary) {
		t.Errorf("a refused batch changed the assessment:\n before %+v\n after  %+v", before.Answers, after.Answers)
	}
	if got := after.Answers["mfa"].Value.Choices; !slices.Equal(got, []string{"yes"}) {
		t.Errorf("mfa = %v, want the earlier yes", got)
	}
	trailAfter, err := db.Events(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(trailAfter) != len(trail) {
		t.Errorf("audit trail grew from %d to %d records on refused batches", len(trail), len(trailAfter))
	}
}

// The database file, and the folder created for it, are private: the
// assessments are confidential. SQLite's WAL and shared-memory files take
// the database file's mode.
func TestDatabaseFileIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "assay.db")
	db := rtOpen(t, path)
	ctx := context.Background()
	if err := db.CreateAssessment(ctx, &assess.Assessment{Subject: "Acme", Questionnaire: rtVendorScreen(t)}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if os.IsNotExist(err) && p != path {
			continue // WAL files exist only while the database is open
		}
		if err != nil {
			t.Fatal(err)
		}
		if mode := fi.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), mode)
		}
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o700 {
		t.Errorf("the folder created for the database has mode %o, want 700", mode)
	}
	db.Close()
	// Reopening an existing file keeps its mode.
	db = rtOpen(t, path)
	db.Close()
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("after reopening: %v, mode %o", err, fi.Mode().Perm())
	}
}
