package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// An archived assessment took answers, plan changes, explanations and
// sendings to its vendor, though only its signing was refused: each is
// refused now, on both stores and from the save cache too (the archiving
// came after the last save), saying it is archived and how to restore
// it, and records nothing; restored, it takes them again.
func TestAnArchivedAssessmentTakesNoChange(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		if err := db.SaveAnswer(as("Ana Analyst"), a.ID, choice("encryption", "yes")); err != nil {
			t.Fatal(err) // the save cache now holds the assessment as it was
		}
		if err := db.SetArchived(as("Ana Analyst"), a.ID, true); err != nil {
			t.Fatal(err)
		}
		before := eventCount(t, db, a.ID)
		const refused = "assessment 1 is archived (set aside as started by mistake) and takes no change; restore it first"
		owner := "Sam Ortiz"
		for what, change := range map[string]func() error{
			"SaveAnswers": func() error {
				return db.SaveAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("encryption", "no")})
			},
			"SaveOwnAnswers": func() error {
				return db.SaveOwnAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("encryption", "no")})
			},
			"ReplaceAnswers": func() error {
				return db.ReplaceAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("encryption", "no")}, nil)
			},
			"ChangePlanItem": func() error {
				_, _, err := db.ChangePlanItem(as("Ana Analyst"), a.ID, "mfa", assess.PlanChange{Owner: &owner}, day("2026-03-02"))
				return err
			},
			"Explain":       func() error { _, err := db.Explain(as("Ana Analyst"), a.ID, "any-check", "Because"); return err },
			"RecordSending": func() error { return db.RecordSending(as("Ana Analyst"), a.ID, time.Now()) },
		} {
			wantCode(t, change(), assess.EConflict, refused)
			if n := eventCount(t, db, a.ID); n != before {
				t.Errorf("%s on an archived assessment: %d audit records, had %d", what, n, before)
			}
		}
		if err := db.SetArchived(as("Ana Analyst"), a.ID, false); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveAnswer(as("Ana Analyst"), a.ID, choice("encryption", "no")); err != nil {
			t.Fatalf("restored, it still refuses an answer: %v", err)
		}
	})
}
