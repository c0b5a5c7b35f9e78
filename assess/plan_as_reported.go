package assess

import "context"

// PlanStamper reads who set each field of a plan item last and when, as
// the assessment's trail says (the store's PlanFieldStamps).
type PlanStamper interface {
	PlanFieldStamps(ctx context.Context, id int64, key string) (map[PlanField]FieldStamp, error)
}

// AcceptedStamps reads from the trail who set the fields of each
// accepted item of ev's plan last and when: what AcceptedOn dates the
// acceptances by, read for those items only, where the assessment was not
// read with every stamp of its plan (store.PinnedPlanStamps).
func AcceptedStamps(ctx context.Context, st PlanStamper, ev *Evaluation) (PlanStamps, error) {
	stamps := PlanStamps{}
	for _, it := range ev.Plan {
		if it.Status != ItemAccepted {
			continue
		}
		set, err := st.PlanFieldStamps(ctx, ev.Assessment.ID, it.Key())
		if err != nil {
			return nil, err
		}
		stamps[it.Key()] = set
	}
	return stamps, nil
}

// JudgedAsReported is ev judged as the committee report made now (no
// --as-of) judges it, with the days its risks were accepted: on the day
// ev is judged on (today, or a sign-off after it: JudgedOn), or on the
// day of the newest acceptance stamps date after that
// (JudgedThroughAcceptances), which a colleague whose calendar or clock
// is ahead may have given on a day that has not begun here. Every view of
// the plan made today (assay plan, its CSV, the workspace's plan screen,
// accessible mode's plan, assay overdue and list) is judged here, so that
// each says the same items are overdue as the report made the same
// minute.
func JudgedAsReported(ev *Evaluation, stamps PlanStamps) (*Evaluation, map[string]Date) {
	ev = JudgedThroughAcceptances(ev, AcceptedOn(ev, stamps))
	return ev, AcceptedOn(ev, stamps)
}
