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
	if it.Status == assess.ItemAccepted && !it.Reopened && it.Acceptance != nil {
		return txt(strong("Plan:"), " risk accepted by ", user(it.Acceptance.Approver), " ", acceptedUntil(*it.Acceptance),
			" (see Accepted risks).")
	}
	return txt(strong("Plan:"), " ", r.itemState(it), "; owner ", owner(it), ".")
}

// itemState is where an item of the plan stands that is not an accepted
// risk: done, or its status and due date, and whether it is overdue on
// the report's day.
func (r *reporter) itemState(it assess.PlanItem) document.Text {
	var t document.Text
	switch {
	case it.Status == assess.ItemDone:
		t = txt("done")
	case it.Reopened:
		t = txt("open again, its risk acceptance expired; due " + it.Due.String())
	default:
		t = txt(it.Status.Words() + ", due " + it.Due.String())
	}
	if it.Overdue(r.opts.Today) {
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
