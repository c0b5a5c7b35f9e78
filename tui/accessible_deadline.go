package tui

import (
	"context"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// Accessible mode asks and waits in line, on its own context: each of
// its reads and writes of the store has the workspace's write deadline
// (withinDeadline), so that a team server that accepts and never answers
// cannot hold its prompt for as long, unsaid.

// inTime runs call, a read of the store, within the write's deadline.
func inTime[T any](p *prompter, call func(ctx context.Context) (T, error)) (T, error) {
	return withinDeadlineOf(p.ctx, p.d, call)
}

// writeOnlyInTime runs call, a write of the store that returns nothing
// but its error, within the write's deadline. One given up for want of an
// answer may have been recorded (the server may yet record it): its error
// is one outcomeNotKnown tells, as the workspace's is, so that it is
// settled and said as a write whose connection was lost at the commit is
// (lostAtCommit), never as not saved.
func writeOnlyInTime(p *prompter, call func(ctx context.Context) error) error {
	_, err := inTime(p, func(ctx context.Context) (struct{}, error) { return struct{}{}, call(ctx) })
	return err
}

// acceptedStampsSaid is acceptedStamps for accessible mode: the days
// a's accepted risks were accepted on, within the write's deadline.
// Not read, the plan is judged without them, and that is said, as the
// workspace says it (undatedWords): unsaid, the plan was judged on today
// where its report is dated by a colleague's acceptance ahead.
func (p *prompter) acceptedStampsSaid(ev *assess.Evaluation) assess.PlanStamps {
	st, ok := p.d.Repo.(assess.PlanStamper)
	if !ok {
		return nil
	}
	stamps, err := inTime(p, func(ctx context.Context) (assess.PlanStamps, error) { return assess.AcceptedStamps(ctx, st, ev) })
	if err != nil {
		a := ev.Assessment
		p.say(fmt.Sprintf("The days the risks of assessment %d, %s were accepted on were not read: %s; its overdue items are judged without them.",
			a.ID, clean(a.Subject), refusal(err)))
		return nil
	}
	return stamps
}

// readAssessment reads assessment id within the write's deadline.
func (p *prompter) readAssessment(id int64) (*assess.Assessment, error) {
	return inTime(p, func(ctx context.Context) (*assess.Assessment, error) { return p.d.Repo.Assessment(ctx, id) })
}
