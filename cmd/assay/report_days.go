package main

import (
	"context"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// reportDays judges the assessments of the portfolio, for assay overdue
// and assay list, on the day each one's report made now would be dated,
// without loading every assessment: a privacy office that reads an item
// overdue in a report expects the portfolio's counts to say so too. That
// day is the day asked for (today, or --as-of), or a later one: the
// assessment date, the latest sign-off it shows (assess.JudgedOn), and,
// made today, the newest acceptance of a risk it shows, which a colleague
// whose calendar or clock is ahead may have given on a day that has not
// begun here (assess.JudgedAsReported). An --as-of day asked for is not
// moved by an acceptance, as the report's is not.
type reportDays struct {
	day assess.Date
	// signed is the day of each signed assessment's latest sign-off shown
	// (store.SignedThrough: for a revision, a bound).
	signed map[int64]assess.Date
	// recorded is, made today, the latest plan record dated after today
	// of each assessment with an accepted risk that has one
	// (store.AcceptedPlansRecordedSince): only these may show an
	// acceptance given after today. Nil with --as-of.
	recorded map[int64]time.Time
}

// readReportDays reads, in one query each, what reportDays needs for the
// whole portfolio.
func readReportDays(ctx context.Context, db *store.DB, day assess.Date, asOf string) (*reportDays, error) {
	signed, err := db.SignedThrough(ctx)
	if err != nil {
		return nil, err
	}
	r := &reportDays{day: day, signed: signed}
	if asOf == "" {
		tomorrow, err := time.ParseInLocation(time.DateOnly, day.AddDays(1).String(), time.Local)
		if err != nil {
			return nil, err
		}
		if r.recorded, err = db.AcceptedPlansRecordedSince(ctx, tomorrow); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// signedOn is the day list row s is judged on as far as its row and its
// sign-offs tell: the day asked for, its assessment date, or its latest
// sign-off shown, whichever is latest.
func (r *reportDays) signedOn(s *assess.Assessment) assess.Date {
	on := s.JudgedOn(r.day) // a list row carries no sign-offs: its assessment date
	if on.Before(r.signed[s.ID]) {
		on = r.signed[s.ID]
	}
	return on
}

// bound is a day no earlier than the one s is judged on: signedOn, or the
// day of its latest plan record after today if later. An item overdue on
// one day is overdue on any later one, so a pre-check on the bound skips
// nothing.
func (r *reportDays) bound(s *assess.Assessment) assess.Date {
	on := r.signedOn(s)
	if at, ok := r.recorded[s.ID]; ok && on.Before(assess.DateOf(at.Local())) {
		on = assess.DateOf(at.Local())
	}
	return on
}

// judge is asmt, loaded, judged as its report made now is: on the day
// asked for or a sign-off's after it (assess.Evaluate), and through the
// acceptances the trail dates after that when a plan record is (only
// then are they read).
func (r *reportDays) judge(ctx context.Context, db *store.DB, asmt *assess.Assessment) (*assess.Evaluation, error) {
	ev := assess.Evaluate(asmt, r.day)
	if at, ok := r.recorded[asmt.ID]; !ok || !ev.Today.Before(assess.DateOf(at.Local())) {
		return ev, nil
	}
	stamps, err := assess.AcceptedStamps(ctx, db, ev)
	if err != nil {
		return nil, err
	}
	ev, _ = assess.JudgedAsReported(ev, stamps)
	return ev, nil
}
