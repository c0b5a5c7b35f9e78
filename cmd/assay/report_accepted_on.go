package main

import (
	"github.com/assay-dev/assay/assess"
	"github.com/spf13/cobra"
)

// acceptedOn is, for each accepted risk of the plan, the day the audit
// trail recorded its acceptance: the record that last set the item's
// status, which goes with its acceptance (a later change of owner or
// milestones does not move it), on this machine's calendar, as sign-offs
// are dated. The report and the CSV show it beside the approver and the
// expiry; an acceptance the trail does not date is left out.
func acceptedOn(ev *assess.Evaluation, stamps assess.PlanStamps) map[string]assess.Date {
	days := map[string]assess.Date{}
	for _, it := range ev.Plan {
		if it.Status != assess.ItemAccepted {
			continue
		}
		if st, ok := stamps[it.Key()][assess.FieldStatus]; ok && !st.At.IsZero() {
			days[it.Key()] = assess.DateOf(st.At.Local())
		}
	}
	return days
}

// acceptedStamps reads from the trail who set the fields of each
// accepted item of the plan last and when, for acceptedOn, where the
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
