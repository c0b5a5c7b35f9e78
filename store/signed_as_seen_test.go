package store

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An approver signs what was on their screen. When another person saves
// an answer or a plan item between the approver opening the sign-off and
// signing it, the approval carries what the approver saw
// (assess.SeenBySigner) and the store refuses it, recording nothing: the
// approver looks again rather than approving a change never shown.
func TestApprovalOfWhatChangedSinceItWasSeenIsRefused(t *testing.T) {
	contract(t, contractApprovalOfWhatChangedSinceItWasSeenIsRefused)
}

func contractApprovalOfWhatChangedSinceItWasSeenIsRefused(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	if _, err := db.Review(as("Ana"), a.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	seen, err := db.Assessment(as("Rui"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The refusal names who changed what, as the store holds it: the
	// approver asks them, rather than guess at "another person".
	for _, c := range []struct {
		change func() error
		said   string
	}{
		{func() error { return db.SaveAnswers(as("Ana"), a.ID, []assess.Answer{choice("encryption", "no")}) },
			"changed after you opened it to sign (Ana changed encryption)"},
		{func() error { return editPlan(as("Bo"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}) },
			"changed after you opened it to sign (Bo changed plan item mfa)"},
		{func() error {
			if err := db.SaveAnswers(as("Ana"), a.ID, []assess.Answer{choice("encryption", "yes")}); err != nil {
				return err
			}
			return db.SaveAnswers(as("Bo"), a.ID, []assess.Answer{choice("mfa", "yes")})
		}, "changed after you opened it to sign (Ana changed encryption; Bo changed mfa)"},
		{func() error { return db.SaveAnswers(as("Rui"), a.ID, []assess.Answer{choice("mfa", "no")}) },
			"changed after you opened it to sign (you changed mfa in another window or the command line)"},
	} {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		for _, act := range []assess.Action{assess.ActApprove, assess.ActReject} {
			_, err = db.Review(as("Rui"), a.ID, act, day("2026-03-02"), "looked", assess.SeenBySigner(seen))
			wantCode(t, err, assess.EConflict, c.said)
		}
		now, err := db.Assessment(as("Rui"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if now.Status != assess.InReview || len(now.SignOffs) != len(seen.SignOffs) {
			t.Fatalf("a refused approval changed the assessment: status %s, %d sign-offs", now.Status, len(now.SignOffs))
		}
		seen = now
	}
	got, err := db.Review(as("Rui"), a.ID, assess.ActApprove, day("2026-03-02"), "looked again", assess.SeenBySigner(seen))
	if err != nil || got.Status != assess.Approved {
		t.Fatalf("approving what was seen: %v", err)
	}
}
