package main

import (
	"github.com/assay-dev/assay/assess"
	"github.com/spf13/cobra"
)

// acceptedStamps reads from the trail who set the fields of each
// accepted item of the plan last and when, for assess.AcceptedOn, where the
// assessment was not read pinned with them (assay plan --csv).
func (a *app) acceptedStamps(cmd *cobra.Command, ev *assess.Evaluation) (assess.PlanStamps, error) {
	db, err := a.store()
	if err != nil {
		return nil, err
	}
	return assess.AcceptedStamps(a.ctx(cmd), db, ev)
}

// planAsReported is ev and the days its risks were accepted, judged as
// assay report made the same minute judges it: made today (no --as-of),
// no earlier than the newest acceptance it shows
// (assess.JudgedAsReported), which a colleague whose calendar or
// clock is ahead may have given on a day that has not begun here; an
// --as-of day asked for stays, and the CSV marks an acceptance given
// after it. assay plan's listing, its CSV and the item it shows after a
// change are so judged on the day the report is dated, and say the same
// items are overdue.
func (a *app) planAsReported(cmd *cobra.Command, ev *assess.Evaluation, asOf string) (*assess.Evaluation, map[string]assess.Date, error) {
	stamps, err := a.acceptedStamps(cmd, ev)
	if err != nil {
		return nil, nil, err
	}
	if asOf == "" {
		ev, accepted := assess.JudgedAsReported(ev, stamps)
		return ev, accepted, nil
	}
	return ev, assess.AcceptedOn(ev, stamps), nil
}
