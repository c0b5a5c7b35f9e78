package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// planChangesTable lists the plan items changed (assess.Diff.Plan): the
// finding's number in this report, its key, and a row for each field
// that moved, with what it was and what it is in cells of their own
// (changeRow), read from the item as it was and as it is.
func (r *reporter) planChangesTable(cs []assess.PlanItemChange) {
	if len(cs) == 0 {
		return
	}
	labels := r.e.FindingLabels()
	var rows [][]document.Text
	for _, c := range cs {
		finding, item := txt(labels[c.Item.Key()]), txt(code(c.Item.Key()))
		for _, ch := range itemChangeRows(c) {
			rows = append(rows, append([]document.Text{finding, item}, ch...))
		}
	}
	r.d.table(cells("Finding", "Item", "Changed", "Before", "After"), rows)
}

// itemChangeRows is one changeRow for each field of the item that moved:
// a due date's reason and a risk acceptance's approver and expiry in
// rows of their own, beside the date or the status they go with.
func itemChangeRows(c assess.PlanItemChange) [][]document.Text {
	was, now := c.Was, c.Item
	var rows [][]document.Text
	for _, f := range c.Fields {
		switch f.Field {
		case assess.ChangedAction:
			rows = append(rows, changeRow(f.Field, side(was.Action), side(now.Action)))
		case assess.ChangedOwner:
			rows = append(rows, changeRow(f.Field, owner(was), owner(now)))
		case assess.ChangedDue:
			rows = append(rows, changeRow(f.Field, txt(was.Due.String()), txt(now.Due.String())))
			if safetext.OneLine(was.DueReason) != "" || safetext.OneLine(now.DueReason) != "" {
				rows = append(rows, changeRow(assess.ChangedDueReason, side(was.DueReason), side(now.DueReason)))
			}
		case assess.ChangedDueReason:
			rows = append(rows, changeRow(f.Field, side(was.DueReason), side(now.DueReason)))
		case assess.ChangedStatus:
			rows = append(rows, changeRow(f.Field, txt(f.Old), txt(f.New)))
			if acc := now.Accepted(); acc != nil && !now.Reopened {
				rows = append(rows, acceptanceRows(was.Accepted(), acc)...)
			}
		case assess.ChangedAcceptance:
			rows = append(rows, acceptanceRows(was.Accepted(), now.Accepted())...)
		case assess.ChangedAcceptanceReason:
			rows = append(rows, changeRow(f.Field, side(acceptanceReason(was)), side(acceptanceReason(now))))
		case assess.ChangedMilestones:
			rows = append(rows, milestoneRows(was.Milestones, now.Milestones)...)
		default:
			rows = append(rows, changeRow(f.Field, side(f.Old), side(f.New+f.Detail)))
		}
	}
	return rows
}

// changeRow is a field's row of a comparison: its name, then what it
// was and what it is, each in a cell of its own, so that no text
// someone wrote, whatever arrows or slashes it holds, is read as the
// mark between the two.
func changeRow(field string, before, after document.Text) []document.Text {
	return []document.Text{txt(field), before, after}
}

// side is someone's text as one side of a change, its lines kept (a
// reason in numbered lines read as one sentence); nothing is our word
// "none" in italics, which no escaped text can be.
func side(s string) document.Text {
	if safetext.OneLine(s) == "" {
		return txt(emph("none"))
	}
	return body(s)
}

// owner is an item's owner as a side of a change, "unassigned" (in
// italics, our word) when it has none: a person may be called that.
func owner(it assess.PlanItem) document.Text {
	if safetext.OneLine(it.Owner) == "" {
		return txt(emph("unassigned"))
	}
	return txt(user(it.Owner))
}

// acceptanceRows tells who accepted the risk and until when, where they
// moved; a side with no acceptance is "none".
func acceptanceRows(was, now *assess.Acceptance) [][]document.Text {
	approver := func(a *assess.Acceptance) string {
		if a == nil {
			return ""
		}
		return a.Approver
	}
	expires := func(a *assess.Acceptance) document.Text {
		if a == nil {
			return side("")
		}
		return txt(a.Expires.String())
	}
	var rows [][]document.Text
	if safetext.OneLine(approver(was)) != safetext.OneLine(approver(now)) {
		rows = append(rows, changeRow("accepted by", side(approver(was)), side(approver(now))))
	}
	if b, a := expires(was), expires(now); b.String() != a.String() {
		rows = append(rows, changeRow("acceptance expires", b, a))
	}
	return rows
}

func acceptanceReason(it assess.PlanItem) string {
	if a := it.Accepted(); a != nil {
		return a.Reason
	}
	return ""
}

// milestoneRows tells the milestones that differ, by their place in the
// list: "milestone 2", its title as written, then our words in italics
// for its date and whether it is done.
func milestoneRows(was, now []assess.Milestone) [][]document.Text {
	var rows [][]document.Text
	for i := range max(len(was), len(now)) {
		if sameMilestone(was, now, i) {
			continue
		}
		rows = append(rows, changeRow(fmt.Sprintf("milestone %d", i+1), milestoneSide(was, i), milestoneSide(now, i)))
	}
	return rows
}

// sameMilestone reports whether both lists hold the same milestone at i.
func sameMilestone(was, now []assess.Milestone, i int) bool {
	if i >= len(was) || i >= len(now) {
		return false
	}
	b, a := was[i], now[i]
	return safetext.OneLine(b.Title) == safetext.OneLine(a.Title) && b.Due == a.Due && b.Done == a.Done
}

// milestonesCell is an item's milestones for the plan table, one a line,
// each after its number in italics (a title may hold "; "), as
// milestoneSide gives them, and "overdue" in bold after one overdue on
// the report's day, as the item's status says of the item: a date that
// has passed reads as on time unless the report says it is not.
func milestonesCell(it assess.PlanItem, today assess.Date) document.Text {
	var t document.Text
	for i, m := range it.Milestones {
		if i > 0 {
			t = txt(t, document.Span{Text: document.LineBreak, Style: document.Break})
		}
		t = txt(t, emph(fmt.Sprintf("%d.", i+1)), " ", milestoneSide(it.Milestones, i))
		if it.MilestoneOverdue(m, today) {
			t = txt(t, ", ", strong("overdue"))
		}
	}
	return t
}

// milestoneSide is milestone i of ms, "none" past the end: its title as
// written, then our words in italics for its date and whether it is done.
func milestoneSide(ms []assess.Milestone, i int) document.Text {
	if i >= len(ms) {
		return side("")
	}
	m := ms[i]
	// The spaces stay outside the italics: Markdown reads "* by*" as
	// asterisks, not emphasis.
	t := txt(user(m.Title))
	if !m.Due.IsZero() {
		t = txt(t, " ", emph("by "+m.Due.String()))
	}
	if m.Done {
		t = txt(t, ", ", emph("done"))
	}
	return t
}
