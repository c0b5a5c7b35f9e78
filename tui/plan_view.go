package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/assay-dev/assay/assess"
)

func (p *plan) View(width, height int) string {
	st := p.sh.st
	if p.form != nil {
		it, _, _ := p.item(p.formKey)
		head := st.bold.Render(fit(clean(it.Finding.QuestionID)+" · "+clean(it.Finding.Question), width))
		if p.refused != "" {
			return formAbove(append([]string{head}, strings.Split(st.error.Render(wrap(p.refused, width)), "\n")...), formView(p.form, st, min(width, 78)), height)
		}
		return formAbove([]string{head, ""}, formView(p.form, st, min(width, 78)), height)
	}
	var b rankedText
	p.drawList(&b, width, height)
	return b.fit(height)
}

// layOut fits the list's window to the rows View gives it at width ×
// height (layout.go): the first row shown and the page a page key moves
// by.
func (p *plan) layOut(width, height int) {
	if p.form != nil {
		return // the form is drawn over the list, which keeps its window
	}
	var b rankedText
	below := p.drawAbove(&b, width)
	p.nav = p.nav.fitted(len(p.items()), listRows(len(p.items()), height, below))
}

// listRows is how many of count items the list shows in height lines,
// below of them taken by what is said above it: never fewer than three.
func listRows(count, height int, below string) int {
	return max(min(count, height-10-strings.Count(below, "\n")), 3)
}

// drawList writes the plan's items, the one under the cursor in full, in
// height lines, each ranked by how much it is needed on a terminal that
// leaves fewer.
func (p *plan) drawList(b *rankedText, width, height int) {
	st := p.sh.st
	items := p.items()
	on := p.sh.sess.eval.Today
	below := p.drawAbove(b, width)
	if len(items) == 0 {
		b.write("\n"+st.ok.Render("No findings, so nothing to remediate.")+"\n", rankSelected)
		return
	}
	// Columns with a gap between each: the date, the severity and the
	// status fit their longest value; the owner and the finding share
	// the rest, the finding (the question's ID, then its text) first.
	const dueW, sevW, statusW = 10, 8, 14
	rest := max(width-2-dueW-sevW-statusW-4, 16)
	ownerW := clamp(rest/3, 6, 24)
	cols := func(due, sev, status, owner, finding string) string {
		return strings.Join([]string{pad(due, dueW), pad(sev, sevW), pad(status, statusW), pad(owner, ownerW), finding}, " ")
	}
	b.write(st.muted.Render(fit("  "+cols("Due", "Severity", "Status", "Owner", "Finding"), width))+"\n", rankHeading)
	// The window as layOut fitted it in Update; fitted again here only
	// for a size it was not laid out for, which changes nothing stored.
	nav := p.nav.fitted(len(items), listRows(len(items), height, below))
	start, end := nav.shown(len(items))
	for i := start; i < end; i++ {
		it := items[i]
		dueStyle := st.muted
		if it.Overdue(on) {
			dueStyle = st.bad
		}
		owner := it.Owner
		if owner == "" {
			owner = "-"
		}
		finding := clean(it.Finding.QuestionID) + st.muted.Render(" "+clean(it.Finding.Question))
		line := cols(dueStyle.Render(it.Due.String()), st.severity(it.Finding.Severity).Render(it.Finding.Severity.String()),
			statusText(it), clean(owner), finding)
		line = listRow(st, line, i == nav.cursor)
		rank := rankRow
		if i == nav.cursor {
			rank = rankSelected
		}
		b.write(fit(line, width)+"\n", rank)
	}
	if it, ok := p.selected(); ok {
		b.write("\n"+p.detail(it, width, height-strings.Count(b.String(), "\n")-1), rankMore)
	}
}

// drawAbove writes what the plan says above its list: the summary, a
// save's status, what went wrong, where the cursor went and why, and the
// conflict of the item under the cursor. It returns the lines of them
// that are counted out of the list's room.
func (p *plan) drawAbove(b *rankedText, width int) (below string) {
	st := p.sh.st
	items := p.items()
	// Judged on the day the report made now is dated (session.evaluate):
	// today, or a later day of a sign-off or an acceptance it shows,
	// which the summary then names.
	on := p.sh.sess.eval.Today
	open, overdue := p.sh.sess.eval.Open()
	summary := fmt.Sprintf("%s · %d open · ", assess.Count(len(items), "item", "items"), open)
	if overdue > 0 {
		summary += st.bad.Render(fmt.Sprintf("%d overdue", overdue))
	} else {
		summary += "none overdue"
	}
	if today := p.sh.deps.Today(); on == today {
		summary += st.muted.Render(" · today " + today.String())
	} else {
		summary += st.muted.Render(" · as of " + on.String() + ", the report's date")
	}
	// A save's status follows on the same line when it fits; a refusal,
	// whose reason and remedy come at its end, gets lines of its own.
	if save := p.sh.sess.status(); save != "" {
		if lipgloss.Width(summary+" · "+save) <= width {
			summary += " · " + save
		} else {
			below = wrap(save, width) + "\n"
		}
	}
	b.write(fit(summary, width)+"\n", rankStatus)
	b.write(below, rankSaid)
	// What went wrong, where the cursor went and why, a conflict: each
	// whole, and counted out of the list's room.
	say := func(style lipgloss.Style, text string) {
		if text == "" {
			return
		}
		said := style.Render(wrap(text, width)) + "\n"
		b.write(said, rankSaid)
		below += said
	}
	say(st.error, p.err)
	say(st.warn, p.goneLine())
	say(st.warn, clean(p.conflictNotice()))
	if it, ok := p.selected(); ok {
		box := p.conflictBox(it, width)
		b.write(box, rankMarked)
		below += box // counted out of the list's room
	}
	return below
}

func statusText(it assess.PlanItem) string {
	if it.Reopened {
		return "open (expired)"
	}
	return it.Status.Words()
}

// detail shows the selected item in full, each part wrapped to the width,
// in the room lines left below the list; what does not fit ends in "…".
func (p *plan) detail(it assess.PlanItem, width, room int) string {
	var out []string
	add := func(text string) { out = append(out, strings.Split(text, "\n")...) }
	add(wrap(clean(it.Finding.Question), width))
	question := len(out) // lines shown in bold
	add(wrap("Action: "+clean(it.Action), width))
	if it.Owner != "" {
		// The list cuts the owner to its column; here it is read whole.
		add(wrap("Owner: "+clean(it.Owner), width))
	}
	due := "Due " + it.Due.String()
	if it.DueReason != "" {
		due += " (moved from " + it.DefaultDue.String() + ": " + clean(it.DueReason) + ")"
	}
	if when := dueWhen(it, p.sh.sess.eval.Today); when != "" {
		due += " · " + when
	}
	add(wrap(due, width))
	if a := it.Acceptance; a != nil {
		add(wrap(fmt.Sprintf("Risk accepted by %s until %s: %s", clean(a.Approver), a.Expires, clean(a.Reason)), width))
	}
	for _, m := range it.Milestones {
		mark := "[ ]"
		if m.Done {
			mark = "[x]"
		}
		line := mark + " " + clean(m.Title)
		if !m.Due.IsZero() {
			line += " by " + m.Due.String()
		}
		add("  " + wrapAfter(line, 2, width))
	}
	if room = max(room, 3); len(out) > room {
		out = append(out[:room-1], fit(out[room-1]+" …", width))
	}
	for i := range min(question, len(out)) {
		out[i] = p.sh.st.bold.Render(out[i])
	}
	return strings.Join(out, "\n") + "\n"
}

// dueWhen says in words how an item that is not closed stands on day
// today: the list marks an overdue date only by its colour, which
// NO_COLOR and some readers do not see.
func dueWhen(it assess.PlanItem, today assess.Date) string {
	if it.Closed() {
		return ""
	}
	switch n := today.DaysUntil(it.Due); {
	case n < 0:
		return "overdue by " + assess.Count(-n, "day", "days")
	case n == 0:
		return "due today"
	default:
		return "due in " + assess.Count(n, "day", "days")
	}
}
