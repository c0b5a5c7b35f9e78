package report

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// planItems is the plan's items by the key of their finding.
func (r *reporter) planItems() map[string]assess.PlanItem {
	items := make(map[string]assess.PlanItem, len(r.e.Plan))
	for _, it := range r.e.Plan {
		items[it.Key()] = it
	}
	return items
}

// findingAction is the action a finding gives: the plan's. A committee
// read the questionnaire's recommendation under a finding and the action
// the analyst had edited in the plan table, two actions for one finding;
// an edited action now stands under the finding too, saying it is the
// plan's and what it replaced.
func findingAction(f assess.Finding, it assess.PlanItem, inPlan bool) document.Text {
	if !inPlan || it.Action == f.Action {
		return txt(strong("Recommended action:"), " ", body(f.Action))
	}
	return txt(strong("Action:"), " ", body(it.Action), " (the plan's; the questionnaire recommended: ", body(f.Action), ")")
}

// planLine says, under a finding, where its item of the plan stands: a
// committee reading a finding whose risk it has accepted, or that is
// done, must not take it for open work, nor an overdue one for work to
// come. The plan table gives the action and the milestones.
func (r *reporter) planLine(it assess.PlanItem) document.Text {
	st := it.StandingOn(r.opts.Today)
	if st.State == assess.StandingAccepted {
		return txt(strong("Plan:"), " ", acceptedBy(st), " (see Accepted risks).")
	}
	return txt(strong("Plan:"), " ", standingText(st), "; owner ", owner(it), ".")
}

// acceptedBy is an accepted risk's standing: who accepted it, until when.
func acceptedBy(st assess.Standing) document.Text {
	return txt("risk accepted by ", user(st.Acceptance.Approver), " ", acceptedUntil(*st.Acceptance))
}

// standingText is where an item of the plan stands that is not an
// accepted risk (assess.Standing, on the report's day): done, or its
// state and due date, and whether it is overdue. The OSCAL documents say
// the same standing, their statuses as stored (export.oscalStanding).
func standingText(st assess.Standing) document.Text {
	var t document.Text
	switch st.State {
	case assess.StandingDone:
		t = txt("done")
	case assess.StandingReopened:
		t = txt(st.State.Words() + "; due " + st.Due.String())
	default:
		t = txt(st.State.Words() + ", due " + st.Due.String())
	}
	if st.Overdue {
		t = txt(t, ", ", strong("overdue"))
	}
	return t
}

// acceptedUntil is an acceptance's expiry after its approver's name, in
// italics, our words: an approver typed "Ana until 2030-01-01" read as
// an acceptance until then.
func acceptedUntil(a assess.Acceptance) document.Span {
	return emph("until " + a.Expires.String())
}

// closedWords is what a top finding adds when its item needs no more
// work, " (done)" or " (risk accepted until 2027-06-30)"; nothing for one
// still open.
func closedWords(it assess.PlanItem, ok bool) string {
	switch {
	case !ok || !it.Closed():
		return ""
	case it.Status == assess.ItemDone:
		return " (done)"
	}
	return " (risk accepted until " + it.Acceptance.Expires.String() + ")"
}
