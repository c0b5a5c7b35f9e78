package assess

// Standing is where a plan item stands on a day: the day its report is
// dated (an Evaluation's Today, the day ReportDays judges a portfolio on).
// The committee report and the OSCAL documents each said it from the
// item's fields, and did not agree: the OSCAL documents called an item
// open that the report called overdue, and "risk-accepted, due …" one the
// report said was accepted by a named approver until a day. Both now say
// this one account, each in its own form.
type Standing struct {
	State StandingState
	// Due is the item's due date; it does not count for a done item or an
	// accepted risk, which need no more work.
	Due Date
	// Overdue is set when the item still needs work and its due date is
	// before the day.
	Overdue bool
	// Acceptance is the risk acceptance in force, for StandingAccepted
	// only: who accepted the risk and until when.
	Acceptance *Acceptance
}

// StandingState is the kind of standing, which the day does not change
// (an acceptance's expiry is already in the plan: BuildPlan reopens the
// item on the day it builds the plan for).
type StandingState string

// The standings an item can have. StandingReopened is an accepted risk
// whose acceptance has expired (or was recorded without one): open again,
// and said so, since a committee that accepted it must know it is back.
const (
	StandingOpen       StandingState = "open"
	StandingInProgress StandingState = "in-progress"
	StandingDone       StandingState = "done"
	StandingAccepted   StandingState = "risk-accepted"
	StandingReopened   StandingState = "reopened"
)

// StandingOn is where item i stands on day: the report's day.
func (i PlanItem) StandingOn(day Date) Standing {
	s := Standing{Due: i.Due}
	switch {
	case i.Status == ItemDone:
		s.State = StandingDone
	case i.Status == ItemAccepted && !i.Reopened && i.Acceptance != nil:
		s.State, s.Acceptance = StandingAccepted, i.Acceptance
	case i.Reopened || i.Status == ItemAccepted:
		// An accepted risk with no acceptance to show is open again, as
		// BuildPlan reopens one recorded without its acceptance.
		s.State = StandingReopened
	case i.Status == ItemInProgress:
		s.State = StandingInProgress
	default:
		s.State = StandingOpen
	}
	s.Overdue = s.NeedsWork() && i.Due.Before(day)
	return s
}

// NeedsWork reports whether an item standing so still needs work: it is
// neither done nor an accepted risk.
func (s Standing) NeedsWork() bool {
	return s.State != StandingDone && s.State != StandingAccepted
}

// Words is the state as people read it, in the report and in the OSCAL
// documents' remarks: "in progress", "risk accepted", and "open again,
// its risk acceptance expired" for a reopened item.
func (s StandingState) Words() string {
	switch s {
	case StandingInProgress:
		return "in progress"
	case StandingAccepted:
		return "risk accepted"
	case StandingReopened:
		return "open again, its risk acceptance expired"
	}
	return string(s)
}
