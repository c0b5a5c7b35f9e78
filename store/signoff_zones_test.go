package store

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// A privacy office in two countries signs one assessment: a Berlin
// analyst submits it at 00:30 on 6 December (23:30 UTC on the 5th), and a
// New York reviewer approves it an hour later, at 19:30 on 5 December, the
// day it still is there. Each signs on their own day, so the approval's
// day comes before the submission's, and it was refused as dated "before
// the submission it follows"; dated the 6th it was refused as "after
// today": the reviewer could not sign until their midnight. A step signed
// on the signer's today follows the step before it, so it takes that
// step's day: the record reads submitted and approved on 6 December.
func TestSignOffTodayFollowsAColleagueAheadInTime(t *testing.T) {
	db, q := testDB(t)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	a := newAssessment(t, db, q, "Acme", assess.NewDate(2026, 12, 1), completeAnswers())
	db.Now = func() time.Time { return time.Date(2026, 12, 6, 0, 30, 0, 0, berlin) }
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, assess.NewDate(2026, 12, 6), ""); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2026, 12, 5, 19, 30, 0, 0, newYork) }
	out, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, assess.NewDate(2026, 12, 5), "Plan agreed")
	if err != nil {
		t.Fatalf("an approval given an hour after the submission, on the reviewer's own day: %v", err)
	}
	ap, ok := out.Approval()
	if !ok || ap.On != assess.NewDate(2026, 12, 6) {
		t.Errorf("approval %+v, want it dated 2026-12-06, the day of the submission it follows", ap)
	}

	// A day typed before the reviewer's today is still a backdated step,
	// refused as before.
	b := newAssessment(t, db, q, "Globex", assess.NewDate(2026, 12, 1), completeAnswers())
	db.Now = func() time.Time { return time.Date(2026, 12, 6, 0, 30, 0, 0, berlin) }
	if _, err := db.Review(as("Ana Analyst"), b.ID, assess.ActSubmit, assess.NewDate(2026, 12, 6), ""); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2026, 12, 5, 19, 30, 0, 0, newYork) }
	_, err = db.Review(as("Rui Reviewer"), b.ID, assess.ActApprove, assess.NewDate(2026, 12, 4), "")
	if err == nil || !strings.Contains(err.Error(), "before the submission it follows") {
		t.Errorf("an approval typed as the day before the reviewer's today: %v", err)
	}
}

// The same for a revision's first step: the approval of the assessment it
// revises was signed by a colleague ahead in time.
func TestRevisionSignedTodayFollowsAnApprovalAheadInTime(t *testing.T) {
	db, q := testDB(t)
	kiritimati := time.FixedZone("UTC+14", 14*3600)
	behind := time.FixedZone("UTC-12", -12*3600)
	a := newAssessment(t, db, q, "Acme", assess.NewDate(2026, 12, 1), completeAnswers())
	// 10:00 UTC on 5 December: the 6th in UTC+14, the 4th in UTC-12.
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return at.In(kiritimati) }
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, assess.NewDate(2026, 12, 6), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, assess.NewDate(2026, 12, 6), ""); err != nil {
		t.Fatal(err)
	}
	rev, err := db.Revise(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return at.Add(time.Minute).In(behind) }
	out, err := db.Review(as("Ana Analyst"), rev.ID, assess.ActSubmit, assess.NewDate(2026, 12, 4), "")
	if err != nil {
		t.Fatalf("a revision submitted a minute after the approval it revises, on the analyst's own day: %v", err)
	}
	if got := out.SignOffs[len(out.SignOffs)-1].On; got != assess.NewDate(2026, 12, 6) {
		t.Errorf("revision's submission dated %s, want 2026-12-06, the day of the approval it follows", got)
	}
}

// An assessment started in UTC+14 is dated on its day there; submitted a
// minute later from UTC−12, where it is two days earlier, the submission
// takes the assessment's day rather than be refused as before it.
func TestSubmissionTodayFollowsAnAssessmentDatedAhead(t *testing.T) {
	db, q := testDB(t)
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) // the 6th in UTC+14, the 4th in UTC−12
	db.Now = func() time.Time { return at.In(time.FixedZone("UTC+14", 14*3600)) }
	a := newAssessment(t, db, q, "Acme", assess.Date{}, completeAnswers())
	if a.AssessedOn != assess.NewDate(2026, 12, 6) {
		t.Fatalf("assessed on %s, want 2026-12-06", a.AssessedOn)
	}
	db.Now = func() time.Time { return at.Add(time.Minute).In(time.FixedZone("UTC-12", -12*3600)) }
	out, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, assess.NewDate(2026, 12, 4), "")
	if err != nil {
		t.Fatalf("a submission a minute after the assessment was started, on the analyst's own day: %v", err)
	}
	if got := out.SignOffs[0].On; got != assess.NewDate(2026, 12, 6) {
		t.Errorf("submission dated %s, want 2026-12-06, the assessment's day", got)
	}
}
