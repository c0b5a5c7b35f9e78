package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/assay-dev/assay/assess"
)

// diffText lays a comparison out for width cells: who and what is
// compared, a one-line summary, then the outcome (levels, scores,
// findings) before the answers, because a committee asks "is it better
// or worse" before "what exactly was said".
func diffText(st styles, d *assess.Diff, width int) string {
	w := &diffWriter{st: st, width: width}
	w.side("From", d.From)
	w.side("To", d.To)
	if note := d.QuestionnaireNote("→"); note != "" {
		w.line(st.warn.Render(wrap(note, width)))
	}
	w.line("")
	w.review(d.Review)
	if s := d.NoChanges(); s != "" {
		label, rest, _ := strings.Cut(s, ": ")
		w.labelled(label+":", rest)
		w.dueShift(d)
		return w.String()
	}
	w.line(st.bold.Render(wrap(diffSummary(d), width)))
	w.levels(d.Levels)
	w.scores(d.Dimensions)
	w.findings("Findings opened", "+", st.bad, d.Opened)
	w.findings("Findings closed", "-", st.ok, d.Closed)
	w.severities(d.Changed)
	w.plan(d.Plan)
	w.answers(d.Answers)
	if d.DueShifted {
		w.line("")
		w.dueShift(d)
	}
	return w.String()
}

// review writes where each review stands, "Review: approved by … →
// in review, …", each wrapped under itself, then a blank line.
func (w *diffWriter) review(cs []assess.ItemFieldChange) {
	for _, c := range cs {
		w.labelled(c.Field+":", clean(c.Old+" → "+c.New))
	}
	if len(cs) > 0 {
		w.line("")
	}
}

// labelled writes "Label: text", the text wrapped under itself, or,
// where that would leave it too narrow a column (a narrow terminal), the
// label on a line of its own and the text under it at the full width.
func (w *diffWriter) labelled(label, text string) {
	const narrowest = 20
	if lead := lipgloss.Width(label) + 1; w.width-lead >= narrowest {
		w.line(w.st.bold.Render(label) + " " + wrapAfter(text, lead, w.width))
		return
	}
	w.line(w.st.bold.Render(wrap(label, w.width)))
	w.line(wrap(text, w.width))
}

// dueShift says why the default due dates differ, when they do.
func (w *diffWriter) dueShift(d *assess.Diff) {
	if note := d.DueShiftNote(); note != "" {
		w.line(w.st.muted.Render(wrap(note, w.width)))
	}
}

// diffSummary counts the changes in one line.
func diffSummary(d *assess.Diff) string {
	var parts []string
	count := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	count(len(d.Answers), "answer changed", "answers changed")
	// The outcome is named; the other levels that moved are counted, so
	// that the summary never says no level changed when one did.
	outcome, others := false, 0
	for _, l := range d.Levels {
		if l.Outcome {
			outcome = true
			parts = append(parts, clean(l.Title)+" "+l.Change("→"))
		} else {
			others++
		}
	}
	if outcome {
		count(others, "other level changed", "other levels changed")
	} else {
		count(others, "level changed", "levels changed")
	}
	count(len(d.Opened), "finding opened", "findings opened")
	count(len(d.Closed), "finding closed", "findings closed")
	count(len(d.Changed), "finding changed in severity", "findings changed in severity")
	count(len(d.Plan), "plan item changed", "plan items changed")
	if len(parts) == 0 {
		return "Scores moved; no answer, level or finding changed"
	}
	return strings.Join(parts, " · ")
}

type diffWriter struct {
	strings.Builder
	st    styles
	width int
}

func (w *diffWriter) line(s string) { w.WriteString(s + "\n") }

func (w *diffWriter) heading(title string, n int) {
	w.line("")
	if n > 0 {
		title = fmt.Sprintf("%s (%d)", title, n)
	}
	w.line(w.st.bold.Render(title))
}

// item writes "  mark text", the text wrapped under itself.
func (w *diffWriter) item(mark string, text string) {
	used := 2 + lipgloss.Width(mark) + 1
	w.line("  " + mark + " " + wrapAfter(text, used, w.width))
}

// side names one side of the comparison: the assessment, its
// questionnaire, date and status (e.StatusWords: with "must not be used"
// for a use the law forbids, as the home screen says it).
func (w *diffWriter) side(label string, e *assess.Evaluation) {
	a := e.Assessment
	s := fmt.Sprintf("#%d %s · %s %s · %s · %s", a.ID, clean(a.Subject), clean(a.Questionnaire.Title),
		clean(a.Questionnaire.Version), a.AssessedOn, e.StatusWords())
	if a.Revision > 1 {
		s += fmt.Sprintf(" · revision %d", a.Revision)
		if a.RevisionOf != 0 {
			s += fmt.Sprintf(" of #%d", a.RevisionOf)
		}
	}
	if a.Imported != nil {
		s += " · " + clean(a.Imported.Words())
	}
	w.line(w.st.muted.Render(pad(label, 5)) + wrapAfter(s, 5, w.width))
}

func (w *diffWriter) levels(ls []assess.LevelChange) {
	if len(ls) == 0 {
		return
	}
	w.heading("Levels", 0)
	for _, l := range ls {
		w.item("~", clean(l.Label()+": "+l.Change("→")))
	}
}

func (w *diffWriter) scores(ds []assess.DimensionChange) {
	if len(ds) == 0 {
		return
	}
	w.heading("Scores", 0)
	for _, c := range ds {
		w.item("~", clean(c.Title)+": "+c.Change("→"))
	}
}

func (w *diffWriter) findings(title, sign string, style lipgloss.Style, fs []assess.Finding) {
	if len(fs) == 0 {
		return
	}
	w.heading(title, len(fs))
	for _, f := range fs {
		w.item(style.Render(sign), fmt.Sprintf("%s %s %s", clean(f.Key), w.st.severity(f.Severity).Render("["+f.Severity.String()+"]"), clean(f.Question)))
	}
}

func (w *diffWriter) severities(cs []assess.FindingChange) {
	if len(cs) == 0 {
		return
	}
	w.heading("Findings changed in severity", len(cs))
	for _, c := range cs {
		w.item(w.st.warn.Render("~"), fmt.Sprintf("%s [%s → %s] %s", clean(c.Key), c.Old, c.New, clean(c.Question)))
	}
}

// plan writes the plan items changed (owner, due date, status, accepted
// risk, action, milestones), as assay diff and the report's changes tell
// them: a revision often changes nothing else.
func (w *diffWriter) plan(cs []assess.PlanItemChange) {
	if len(cs) == 0 {
		return
	}
	w.heading("Plan items changed", len(cs))
	for _, c := range cs {
		w.item(w.st.warn.Render("~"), clean(c.Item.Key()+": "+c.Text("→")))
	}
}

func (w *diffWriter) answers(cs []assess.AnswerChange) {
	if len(cs) == 0 {
		return
	}
	w.heading("Answers changed", len(cs))
	for _, c := range cs {
		w.item(w.st.muted.Render("•"), clean(c.Label())+" · "+clean(c.Question))
		for _, f := range c.Fields() {
			w.change(f.Field, clean(f.Old), clean(f.New))
		}
	}
}

// change writes one "label  old → new" line under an answer, or, where
// that would leave the change too narrow a column (a narrow terminal),
// the label on a line of its own and the change under it, as labelled
// does: beside a label, a column under ten cells ran past the edge.
func (w *diffWriter) change(label, old, now string) {
	const indent, narrowest = 6, 20
	// Labels stand in a column of ten cells; a longer one ("plan items")
	// keeps a space after it rather than run into its change.
	labelWidth := max(10, lipgloss.Width(label)+1)
	text := old + " → " + now
	if w.width-indent-labelWidth >= narrowest {
		w.line(spaces(indent) + w.st.muted.Render(pad(label, labelWidth)) + wrapAfter(text, indent+labelWidth, w.width))
		return
	}
	w.line(spaces(indent) + w.st.muted.Render(label))
	w.line(spaces(indent) + wrapAfter(text, indent, w.width))
}
