package store

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Who saved each answer and plan edit, and when, is kept on its row and
// held to the trail (ledger.CheckStamp). What assay itself writes must
// verify: a save, a plan edit, a revision's copies under the names and
// times of the assessment revised, a later change to a copy, an export
// imported elsewhere, and all that with a clock set back between sittings
// and, on a team database, under each person's login.
func TestVerifyHoldsWhoSavedWhat(t *testing.T) {
	contract(t, contractVerifyHoldsWhoSavedWhat)
}

func contractVerifyHoldsWhoSavedWhat(t *testing.T) {
	db, q := testDB(t)
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	if err := db.SaveAnswers(as("Ana Analyst"), a.ID, completeAnswers()); err != nil {
		t.Fatal(err)
	}
	if err := editPlan(as("Ana Analyst"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(-48 * time.Hour) // set back two days
	if err := db.SaveAnswer(as("Bo"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-08"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-08"), ""); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(72 * time.Hour)
	rev, err := db.Revise(as("Rui Reviewer"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The copies keep who saved each and when, not the reviser's name.
	if got := rev.Answers["mfa"]; got.UpdatedBy != "Bo" {
		t.Fatalf("the revision's copy of mfa names %q, want Bo", got.UpdatedBy)
	}
	if err := db.SaveAnswer(as("Rui Reviewer"), rev.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	if err := editPlan(as("Rui Reviewer"), db, rev.ID, assess.PlanEdit{Key: "mfa", Owner: "Security"}); err != nil {
		t.Fatal(err)
	}
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
	// Exported and imported elsewhere, they still hold.
	for _, id := range []int64{a.ID, rev.ID} {
		f, err := db.Export(as("Ana Analyst"), id)
		if err != nil {
			t.Fatal(err)
		}
		other, _ := testDB(t)
		if onPostgres(t) {
			return // one team schema per test: the import contract tests cover it there
		}
		other.UseKey(testKey)
		other.Now = db.Now // testDB's fixed clock is days before the export, which import refuses
		if _, err := other.Import(as("Iris Importer"), f); err != nil {
			t.Fatalf("import of %d: %v", id, err)
		}
		if res, err := other.Verify(as("x"), 0); err != nil || res.Broken != nil {
			t.Fatalf("verify after importing %d: %v %v", id, res.Broken, err)
		}
	}
}

// A database an older assay wrote stamped each row a moment before its
// record, and its revision's creation record states nothing of its copies
// nor of its creation time: it verifies, and a name or time changed on
// one of its rows is still named.
func TestOlderDatabaseStampsHeldToTheirRecords(t *testing.T) {
	for _, tc := range []struct {
		name, stmt, want string
	}{
		{"an answer credited to another", `UPDATE answers SET updated_by = 'Mallory' WHERE assessment_id = 2 AND question_id = 'mfa'`,
			`answer mfa is stored as saved by "Mallory" but this record, the last to set it, was written by "Dana Reyes"`},
		{"an answer dated an hour earlier", `UPDATE answers SET updated_at = '2026-12-03T22:40:30.71405929Z' WHERE assessment_id = 2 AND question_id = 'mfa'`,
			"answer mfa is stored as saved at 2026-12-03T22:40:30.71405929Z"},
		{"a plan edit credited to another", `UPDATE plan_edits SET updated_by = 'Mallory' WHERE assessment_id = 1`,
			`plan item mfa is stored as saved by "Mallory"`},
		// The revision (assessment 3) an older assay made: its creation
		// record states nothing of its copies, which are held to the
		// approved assessment 1 it copied them from, exactly.
		{"a revision's copied answer credited to another", `UPDATE answers SET updated_by = 'Mallory' WHERE assessment_id = 3 AND question_id = 'logging'`,
			`answer logging is stored as saved by "Mallory" at 2026-12-03T23:40:30.`},
		{"a revision's copied answer dated an hour earlier", `UPDATE answers SET updated_at = '2026-12-03T22:40:30Z' WHERE assessment_id = 3 AND question_id = 'logging'`,
			`answer logging is stored as saved by "Dana Reyes" at 2026-12-03T22:40:30Z but assessment 1, which this revision copied it from, has it saved by "Dana Reyes" at 2026-12-03T23:40:30.`},
		{"a revision's copied plan edit dated 30 seconds earlier", `UPDATE plan_edits SET updated_at = '2026-12-03T23:40:00.903349392Z' WHERE assessment_id = 3`,
			`plan item mfa is stored as saved by "Dana Reyes" at 2026-12-03T23:40:00.903349392Z but assessment 1, which this revision copied it from, has it saved by "Dana Reyes" at 2026-12-03T23:40:30.903349392Z`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := beforeSigning(t)
			if _, err := db.RegisterKey(as("Dana Reyes")); err != nil {
				t.Fatal(err)
			}
			if res, err := db.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
				t.Fatalf("the older database as written: %v %v", res.Broken, err)
			}
			withoutTriggers(t, db.sql, func() { mustExec(t, db.sql, tc.stmt) })
			res, err := db.Verify(as("Auditor"), 0)
			if err != nil {
				t.Fatal(err)
			}
			if res.Broken == nil || !strings.Contains(res.Broken.Error(), tc.want) {
				t.Fatalf("got %v, want %q", res.Broken, tc.want)
			}
		})
	}
}
