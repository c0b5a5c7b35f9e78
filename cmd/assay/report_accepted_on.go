package main

import (
	"github.com/assay-dev/assay/assess"
	"github.com/spf13/cobra"
)

// acceptedStamps reads from the trail who set the fields of each
// accepted item of the plan last and when, for assess.AcceptedOn, where the
// assessment was not read pinned with them (assay plan --csv).
func (a *app) acceptedStamps(cmd *cobra.Command, ev *assess.Evaluation) (assess.PlanStamps, error) {
	stamps := assess.PlanStamps{}
	db, err := a.store()
	if err != nil {
		return nil, err
	}
	for _, it := range ev.Plan {
		if it.Status != assess.ItemAccepted {
			continue
		}
		set, err := db.PlanFieldStamps(a.ctx(cmd), ev.Assessment.ID, it.Key())
		if err != nil {
			return nil, err
		}
		stamps[it.Key()] = set
	}
	return stamps, nil
}
