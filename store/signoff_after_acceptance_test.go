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

// The workspace signs on today, never another day. An acceptance recorded
// by a colleague whose day has already begun (or by a clock ahead) is
// dated after the signer's today: a step signed today then takes the
// acceptance's day, as it takes a step's before it, and is not refused.
// Worked out by hand: assessed 2026-03-01; the trail records mfa's
// acceptance at 2026-03-05 00:30 (on 2026-03-05); at 2026-03-04 23:00 a
// submission dated today, 2026-03-04, is recorded dated 2026-03-05.
func TestReviewStepSignedTodayTakesTheDayOfTheAcceptanceItSigns(t *testing.T) {
	contract(t, contractReviewStepSignedTodayTakesTheDayOfTheAcceptanceItSigns)
}

func contractReviewStepSignedTodayTakesTheDayOfTheAcceptanceItSigns(t *testing.T) {
	db, q := testDB(t)
	clockAt := func(s string) {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		tm = tm.In(time.Local)
		db.Now = func() time.Time { return tm }
	}
	// The trail's day is the local day of its time: the times are read as
	// local, whatever this machine's zone.
	local := func(s string) string {
		tm, err := time.ParseInLocation("2006-01-02T15:04:05", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return tm.UTC().Format(time.RFC3339)
	}
	clockAt(local("2026-03-02T12:00:00"))
	a := newAssessment(t, db, q, "Acme", day("2026-03-01"), completeAnswers())
	clockAt(local("2026-03-05T00:30:00"))
	ch := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: day("2026-12-31")}}
	if _, _, err := db.ChangePlanItem(as("Ana Analyst"), a.ID, "mfa", ch, day("2026-03-01")); err != nil {
		t.Fatal(err)
	}
	clockAt(local("2026-03-04T23:00:00"))
	out, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-04"), "")
	if err != nil {
		t.Fatalf("a submission signed today, before the acceptance's day began here: %v", err)
	}
	if len(out.SignOffs) != 1 || out.SignOffs[0].On != day("2026-03-05") {
		t.Errorf("signatures %+v, want one submission dated 2026-03-05", out.SignOffs)
	}
}
