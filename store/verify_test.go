package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// trail builds two assessments with a few changes each: assessment 1 has
// records 1 (create) to 5 (two answers, a note change, a plan edit).
func trail(t *testing.T) *DB {
	t.Helper()
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	for _, ans := range []assess.Answer{choice("mfa", "no"), choice("encryption", "partial"),
		{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}, Note: "SMS codes only"}} {
		if err := db.SaveAnswer(as("Ana"), a.ID, ans); err != nil {
			t.Fatal(err)
		}
	}
	if err := editPlan(as("Ana"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}); err != nil {
		t.Fatal(err)
	}
	newAssessment(t, db, q, "Globex", day("2026-03-01"), completeAnswers()[:2])
	return db
}

func eventID(t *testing.T, db *DB, assessment, seq int64) int64 {
	t.Helper()
	var id int64
	if err := db.sql.QueryRow(`SELECT id FROM events WHERE assessment_id = ? AND seq = ?`, assessment, seq).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestVerifyCleanDatabase(t *testing.T) { contract(t, contractVerifyCleanDatabase) }

func contractVerifyCleanDatabase(t *testing.T) {
	db := trail(t)
	res, err := db.Verify(as("x"), 0)
	if err != nil {
		t.Fatal(err)
	}
	// Assessment 1: 5 records; assessment 2: create + 2 answers; the
	// subjects Acme Cloud Ltd and Globex: one creation record each.
	if res.Broken != nil || res.Assessments != 2 || res.Subjects != 2 || res.Records != 5+3+2 {
		t.Fatalf("clean database: %+v broken %v", res, res.Broken)
	}
	if res, err := db.Verify(as("x"), 1); err != nil || res.Broken != nil || res.Assessments != 1 || res.Records != 5 {
		t.Fatalf("assessment 1: %+v %v", res, err)
	}
	if _, err := db.Verify(as("x"), 9); assess.ErrorCode(err) != assess.ENotFound {
		t.Fatalf("missing assessment: %v", err)
	}
}

func TestVerifyNamesTamperedRecord(t *testing.T) { contract(t, contractVerifyNamesTamperedRecord) }

func contractVerifyNamesTamperedRecord(t *testing.T) {
	tests := []struct {
		name    string
		tamper  func(db *DB) string // runs SQL, returns the statement
		seq     int64
		eventOf bool // the break names an existing event row
		reason  string
	}{
		{"update of a note", func(db *DB) string {
			return `UPDATE events SET new_value = replace(new_value, 'SMS codes only', 'Hardware keys') WHERE assessment_id = 1 AND seq = 4`
		}, 4, true, "altered"},
		{"update of who made the change", func(db *DB) string {
			return `UPDATE events SET actor = 'Someone Else' WHERE assessment_id = 1 AND seq = 2`
		}, 2, true, "altered"},
		{"update with the hash recomputed is caught by the next link", func(db *DB) string {
			// A forger who rewrites a record and its own hash still breaks
			// the link from the record after it.
			var e Event
			db.sql.QueryRow(`SELECT seq, at, actor, kind, target, old_value, new_value, prev_hash FROM events WHERE assessment_id = 1 AND seq = 3`).
				Scan(&e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash)
			e.New = strings.Replace(e.New, "partial", "yes", 1)
			return `UPDATE events SET new_value = '` + e.New + `', hash = '` + e.computeHash() + `' WHERE assessment_id = 1 AND seq = 3`
		}, 4, true, "does not follow record 3"},
		{"delete in the middle", func(db *DB) string {
			return `DELETE FROM events WHERE assessment_id = 1 AND seq = 2`
		}, 2, false, "missing (deleted): record 3 follows record 1"},
		{"delete of the last record", func(db *DB) string {
			return `DELETE FROM events WHERE assessment_id = 1 AND seq = 5`
		}, 5, false, "missing (deleted): the trail ends at record 4 but 5 were written"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := trail(t)
			var wantEvent int64
			if tc.eventOf {
				wantEvent = eventID(t, db, 1, tc.seq)
			}
			stmt := tc.tamper(db)
			res, err := db.sql.Exec(stmt)
			if err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				t.Fatalf("%s changed %d rows", stmt, n)
			}
			for _, id := range []int64{0, 1} {
				got, err := db.Verify(as("x"), id)
				if err != nil {
					t.Fatal(err)
				}
				b := got.Broken
				if b == nil {
					t.Fatalf("verify %d: tampering not detected", id)
				}
				if b.Chain != "assessment" || b.OwnerID != 1 || b.Seq != tc.seq || b.EventID != wantEvent || !strings.Contains(b.Reason, tc.reason) {
					t.Fatalf("verify %d: got %v (event %d), want record %d event %d: %s", id, b, b.EventID, tc.seq, wantEvent, tc.reason)
				}
			}
			// The other assessment's chain is intact.
			if got, _ := db.Verify(as("x"), 2); got.Broken != nil {
				t.Fatalf("assessment 2 reported broken: %v", got.Broken)
			}
		})
	}
}

func TestVerifySubjectChain(t *testing.T) { contract(t, contractVerifySubjectChain) }

func contractVerifySubjectChain(t *testing.T) {
	db := trail(t)
	s, err := db.SubjectByName(as("x"), "globex")
	if err != nil {
		t.Fatal(err)
	}
	s.Owner = "Procurement"
	if _, err := db.EditSubject(as("Ana"), s.ID, assess.SubjectChange{Owner: &s.Owner}); err != nil {
		t.Fatal(err)
	}
	if res, _ := db.Verify(as("x"), 0); res.Broken != nil {
		t.Fatalf("clean: %v", res.Broken)
	}
	if _, err := db.sql.Exec(`UPDATE subject_events SET new_value = '"Nobody"' WHERE subject_id = ? AND seq = 2`, s.ID); err != nil {
		t.Fatal(err)
	}
	res, _ := db.Verify(as("x"), 0)
	if b := res.Broken; b == nil || b.Chain != "subject" || b.OwnerID != s.ID || b.Seq != 2 || !strings.Contains(b.Error(), "subject 2, audit record 2 (event id") {
		t.Fatalf("subject tamper: %v", res.Broken)
	}
}

// Changing the tables directly, not the trail, is caught too: the state
// no longer matches what the intact trail last recorded.
func TestVerifyNamesStateChangedOutsideTrail(t *testing.T) {
	contract(t, contractVerifyNamesStateChangedOutsideTrail)
}

func contractVerifyNamesStateChangedOutsideTrail(t *testing.T) {
	tests := []struct {
		name   string
		stmt   string
		seq    int64 // 0: no record to name; -1: the last
		reason string
	}{
		// Record 4 is the last answer for mfa (the note change).
		{"answer rewritten", `UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 1 AND question_id = 'mfa'`, 4,
			"answer mfa is not what this record says"},
		{"note rewritten", `UPDATE answers SET note = 'Hardware keys' WHERE assessment_id = 1 AND question_id = 'mfa'`, 4,
			"answer mfa is not what this record says"},
		{"answer deleted", `DELETE FROM answers WHERE assessment_id = 1 AND question_id = 'encryption'`, 3,
			"answer encryption recorded here is missing"},
		{"answer added", `INSERT INTO answers (assessment_id, question_id, value, updated_at) VALUES (1, 'subprocessors', '{"choices":["yes"]}', 'x')`, 0,
			"answer subprocessors has no audit record"},
		{"plan edit rewritten", `UPDATE plan_edits SET edit = '{"key":"mfa","owner":"Nobody"}' WHERE assessment_id = 1`, 5,
			"plan item mfa is not what this record says"},
		{"status rewritten", `UPDATE assessments SET status = 'approved' WHERE id = 1`, 1,
			`field status is "approved" but this record, the last to set it, says "draft"`},
		// The times decide which assessment lists first, OSCAL's
		// last-modified and what an export carries; import holds them
		// to the trail, so verify must too.
		{"created after its creation record", `UPDATE assessments SET created_at = '2099-01-01T00:00:00Z' WHERE id = 1`, 1,
			"the assessment's creation time (2099-01-01T00:00:00Z) is not the one its creation record states"},
		{"created before its creation record", `UPDATE assessments SET created_at = '2001-01-01T00:00:00Z' WHERE id = 1`, 1,
			"the assessment's creation time (2001-01-01T00:00:00Z) is not the one its creation record states"},
		// Who saved an answer or plan edit and when, as the row keeps it.
		{"answer credited to another", `UPDATE answers SET updated_by = 'Mallory' WHERE assessment_id = 1 AND question_id = 'mfa'`, 4,
			`answer mfa is stored as saved by "Mallory" but this record, the last to set it, was written by`},
		{"answer dated a year back", `UPDATE answers SET updated_at = '2025-01-01T00:00:00Z' WHERE assessment_id = 1 AND question_id = 'mfa'`, 4,
			"answer mfa is stored as saved at 2025-01-01T00:00:00Z but this record, the last to set it, was written at"},
		{"plan edit credited to another", `UPDATE plan_edits SET updated_by = 'Mallory' WHERE assessment_id = 1`, 5,
			`plan item mfa is stored as saved by "Mallory"`},
		{"plan edit dated a year on", `UPDATE plan_edits SET updated_at = '2099-01-01T00:00:00Z' WHERE assessment_id = 1`, 5,
			"plan item mfa is stored as saved at 2099-01-01T00:00:00Z"},
		{"updated after its latest record", `UPDATE assessments SET updated_at = '2099-01-01T00:00:00Z' WHERE id = 1`, -1,
			"the assessment's time of last change (2099-01-01T00:00:00Z) is after its latest audit record"},
		{"updated before it was created", `UPDATE assessments SET updated_at = '2001-01-01T00:00:00Z' WHERE id = 1`, -1,
			"the assessment's time of last change (2001-01-01T00:00:00Z) is before its creation"},
		{"creation time not a time", `UPDATE assessments SET created_at = 'yesterday' WHERE id = 1`, 1,
			`the assessment's creation time ("yesterday") is not a time`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := trail(t)
			if _, err := db.sql.Exec(tc.stmt); err != nil {
				t.Fatal(err)
			}
			got, err := db.Verify(as("x"), 1)
			if err != nil {
				t.Fatal(err)
			}
			b := got.Broken
			if tc.seq == -1 { // the last record
				evs, err := db.Events(as("x"), 1)
				if err != nil {
					t.Fatal(err)
				}
				tc.seq = int64(len(evs))
			}
			var wantEvent int64
			if tc.seq != 0 {
				wantEvent = eventID(t, db, 1, tc.seq)
			}
			if b == nil || b.Seq != tc.seq || b.EventID != wantEvent || !strings.Contains(b.Reason, tc.reason) {
				t.Fatalf("got %v, want record %d (event %d): %s", b, tc.seq, wantEvent, tc.reason)
			}
		})
	}
}

// A revision's trail accounts for the answers and plan edits it copied.
func TestVerifyRevision(t *testing.T) { contract(t, contractVerifyRevision) }

func contractVerifyRevision(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	if err := editPlan(as("Ana"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}); err != nil {
		t.Fatal(err)
	}
	mustReview(t, db, a.ID, "Ana", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui", assess.ActApprove)
	rev, err := db.Revise(as("Ana"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := db.Events(as("x"), rev.ID)
	// revise, 7 answers in question ID order, 1 plan edit.
	var kinds []string
	for _, e := range evs {
		kinds = append(kinds, e.Kind+" "+e.Target)
	}
	want := "revise assessment|answer breach-notice|answer data-class|answer encryption|answer mfa|answer outage-impact|answer subprocessors|answer substitutable|plan mfa"
	if got := strings.Join(kinds, "|"); got != want {
		t.Fatalf("revision trail:\n%s\nwant\n%s", got, want)
	}
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
}
