package assess

// AcceptedOn is, for each accepted risk of the plan, the day the audit
// trail recorded its acceptance: the record that last set the item's
// status, which goes with its acceptance (a later change of owner or
// milestones does not move it), on this machine's calendar, as sign-offs
// are dated. The report and the CSV show it beside the approver and the
// expiry; an acceptance the trail does not date is left out. assay report
// and the workspace's report both read it here, so they say the same.
// A colleague ahead in time may start an assessment and accept a risk of
// it on a day that has not begun where the reader is; no acceptance
// precedes its assessment, so such a day reads as the assessment date.
// Not JudgedOn, which may be a later sign-off's day: an acceptance given
// before the approval is dated before it.
func AcceptedOn(ev *Evaluation, stamps PlanStamps) map[string]Date {
	days := map[string]Date{}
	for _, it := range ev.Plan {
		if it.Status != ItemAccepted {
			continue
		}
		if st, ok := stamps[it.Key()][FieldStatus]; ok && !st.At.IsZero() {
			on := DateOf(st.At.Local())
			if on.Before(ev.Assessment.AssessedOn) {
				on = ev.Assessment.AssessedOn
			}
			days[it.Key()] = on
		}
	}
	return days
}

// JudgedThroughAcceptances is ev judged again on the day of the newest
// acceptance acceptedOn (AcceptedOn) gives when that day is after the day
// ev is judged on, else ev itself. A report made today shows every
// decision on the record, and a colleague whose calendar is ahead of the
// reader's (or whose clock is) may have accepted a risk on a day that has
// not begun where the report is made: dated on today, the report would
// show an acceptance dated after its own date, as a report asked for as
// of an earlier day does. Dated on that acceptance's day, as it is on the
// day of a sign-off after today (JudgedOn), the report's date, its plan's
// deadlines and expiries are all that day's. Not for a day asked for
// (--as-of): that day stands, and the acceptance is marked as given
// after it.
func JudgedThroughAcceptances(ev *Evaluation, acceptedOn map[string]Date) *Evaluation {
	latest := ev.Today
	for _, on := range acceptedOn {
		if latest.Before(on) {
			latest = on
		}
	}
	if !ev.Today.Before(latest) {
		return ev
	}
	return Evaluate(ev.Assessment, latest)
}
