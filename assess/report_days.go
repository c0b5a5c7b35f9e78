package assess

import (
	"context"
	"time"
)

// ReportDays judges the assessments of a portfolio, for assay overdue,
// assay list and the workspace's home screen, on the day each one's
// report made now would be dated, without loading every assessment: a
// privacy office that reads an item overdue in a report expects the
// portfolio's counts to say so too. That day is the day asked for
// (today, or --as-of), or a later one: the assessment date, the latest
// sign-off it shows (JudgedOn), and, made today, the newest acceptance of
// a risk it shows, which a colleague whose calendar or clock is ahead may
// have given on a day that has not begun here (JudgedAsReported). An
// --as-of day asked for is not moved by an acceptance, as the report's
// is not.
type ReportDays struct {
	day Date
	// signed is the day of each signed assessment's latest sign-off shown
	// (the store's SignedThrough: for a revision, a bound).
	signed map[int64]Date
	// recorded is, made today, the latest plan record dated after today
	// of each assessment with an accepted risk that has one (the store's
	// AcceptedPlansRecordedSince): only these may show an acceptance
	// given after today. Nil with --as-of.
	recorded map[int64]time.Time
	// judged are the days of the assessments recorded names, once
	// JudgeRecorded has loaded and judged them.
	judged map[int64]Date
}

// ReportDayReader is what ReportDays reads: the store.
type ReportDayReader interface {
	PlanStamper
	Assessment(ctx context.Context, id int64) (*Assessment, error)
	SignedThrough(ctx context.Context) (map[int64]Date, error)
	AcceptedPlansRecordedSince(ctx context.Context, since time.Time) (map[int64]time.Time, error)
}

// ReadReportDays reads, in one query each, what ReportDays needs for the
// whole portfolio; asOf says day was asked for (--as-of), not today.
func ReadReportDays(ctx context.Context, db ReportDayReader, day Date, asOf bool) (*ReportDays, error) {
	signed, err := db.SignedThrough(ctx)
	if err != nil {
		return nil, err
	}
	r := &ReportDays{day: day, signed: signed}
	if !asOf {
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

// SignedOn is the day list row s is judged on as far as its row and its
// sign-offs tell: the day asked for, its assessment date, or its latest
// sign-off shown, whichever is latest.
func (r *ReportDays) SignedOn(s *Assessment) Date {
	on := s.JudgedOn(r.day) // a list row carries no sign-offs: its assessment date
	if on.Before(r.signed[s.ID]) {
		on = r.signed[s.ID]
	}
	return on
}

// Bound is a day no earlier than the one s is judged on: SignedOn, or the
// day of its latest plan record after today if later. An item overdue on
// one day is overdue on any later one, so a pre-check on the bound skips
// nothing.
func (r *ReportDays) Bound(s *Assessment) Date {
	on := r.SignedOn(s)
	if at, ok := r.recorded[s.ID]; ok && on.Before(DateOf(at.Local())) {
		on = DateOf(at.Local())
	}
	return on
}

// Judge is asmt, loaded, judged as its report made now is: on the day
// asked for or a sign-off's after it (Evaluate), and through the
// acceptances the trail dates after that when a plan record is (only
// then are they read).
func (r *ReportDays) Judge(ctx context.Context, db ReportDayReader, asmt *Assessment) (*Evaluation, error) {
	ev := Evaluate(asmt, r.day)
	if at, ok := r.recorded[asmt.ID]; !ok || !ev.Today.Before(DateOf(at.Local())) {
		return ev, nil
	}
	stamps, err := AcceptedStamps(ctx, db, ev)
	if err != nil {
		return nil, err
	}
	ev, _ = JudgedAsReported(ev, stamps)
	return ev, nil
}

// JudgeRecorded loads and judges the assessments that may show an
// acceptance given after today (only those: a few), so that On gives
// their days; a list row does not tell them.
func (r *ReportDays) JudgeRecorded(ctx context.Context, db ReportDayReader) error {
	judged := map[int64]Date{}
	for id := range r.recorded {
		asmt, err := db.Assessment(ctx, id)
		if err != nil {
			return err
		}
		ev, err := r.Judge(ctx, db, asmt)
		if err != nil {
			return err
		}
		judged[id] = ev.Today
	}
	r.judged = judged
	return nil
}

// On is the day list row s is judged on: its day judged by JudgeRecorded,
// or SignedOn.
func (r *ReportDays) On(s *Assessment) Date {
	if on, ok := r.judged[s.ID]; ok {
		return on
	}
	return r.SignedOn(s)
}
