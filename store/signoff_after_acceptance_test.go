package store

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// An assessment read "approved on 2025-12-05" over a risk the report
// said was accepted on 2026-12-06: the approval was typed with an earlier
// day after the acceptance was recorded. A submission, approval or
// rejection signs the plan with its acceptances in it, so it is refused
// when dated before the day the newest was recorded, naming it and that
// day, and records nothing; dated that day it stands.
// Worked out by hand: assessed 2026-03-01; at 2026-03-04 12:00 UTC mfa's
// risk is accepted (recorded on 2026-03-04); a submission dated 03-03 is
// refused, one dated 03-04 stands. In review, at 2026-03-09 12:00 UTC,
// the acceptance is given again with a new expiry (recorded on 03-09);
// an approval dated 03-05, after the submission but before that, is
// refused; a rejection dated 03-08 too; an approval dated 03-09 stands.
func TestReviewStepNotDatedBeforeTheRiskAcceptanceItSigns(t *testing.T) {
	contract(t, contractReviewStepNotDatedBeforeTheRiskAcceptanceItSigns)
}

func contractReviewStepNotDatedBeforeTheRiskAcceptanceItSigns(t *testing.T) {
	db, q := testDB(t)
	clockAt := func(s string) {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return tm }
	}
	accept := func(id int64, expires string) {
		t.Helper()
		ch := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: day(expires)}}
		if _, _, err := db.ChangePlanItem(as("Ana Analyst"), id, "mfa", ch, day("2026-03-01")); err != nil {
			t.Fatal(err)
		}
	}
	refused := func(id int64, who string, act assess.Action, on, want string) {
		t.Helper()
		_, err := db.Review(as(who), id, act, day(on), "Evidence missing")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s dated %s: %v, want an error saying %q", act, on, err, want)
		}
	}
	clockAt("2026-03-02T12:00:00Z")
	a := newAssessment(t, db, q, "Acme", day("2026-03-01"), completeAnswers())
	clockAt("2026-03-04T12:00:00Z")
	accept(a.ID, "2026-12-31")
	clockAt("2026-03-10T12:00:00Z")
	refused(a.ID, "Ana Analyst", assess.ActSubmit, "2026-03-03",
		"a submission cannot be dated 2026-03-03, before the risk acceptance of mfa it signs, recorded on 2026-03-04")
	got, err := db.Assessment(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != assess.Draft || len(got.SignOffs) != 0 {
		t.Fatalf("after the refusal: %s with %d signatures, want a draft with none", got.Status, len(got.SignOffs))
	}
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-04"), ""); err != nil {
		t.Fatalf("a submission dated the day of the acceptance: %v", err)
	}

	clockAt("2026-03-09T12:00:00Z")
	accept(a.ID, "2027-01-31")
	clockAt("2026-03-10T12:00:00Z")
	refused(a.ID, "Rui Reviewer", assess.ActApprove, "2026-03-05",
		"an approval cannot be dated 2026-03-05, before the risk acceptance of mfa it signs, recorded on 2026-03-09")
	refused(a.ID, "Rui Reviewer", assess.ActReject, "2026-03-08",
		"a rejection cannot be dated 2026-03-08, before the risk acceptance of mfa it signs, recorded on 2026-03-09")
	out, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-09"), "")
	if err != nil {
		t.Fatalf("an approval dated the day of the acceptance: %v", err)
	}
	if ap, ok := out.Approval(); !ok || ap.On != day("2026-03-09") || len(out.SignOffs) != 2 {
		t.Errorf("approval %+v among %d signatures, want one dated 2026-03-09 after the submission", ap, len(out.SignOffs))
	}
}
