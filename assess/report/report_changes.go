package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/assess/report/document"
)

// changes writes what moved since an earlier assessment of the same
// subject (Options.Since): for a reassessment, a committee asks "better or
// worse than last time, and why" before anything else in the detail.
func (r *reporter) changes() {
	d := r.opts.Since
	if d == nil {
		return
	}
	from := d.From.Assessment
	r.d.heading(2, txt(fmt.Sprintf("Changes since assessment %d", from.ID)))
	intro := txt(fmt.Sprintf("Compared with assessment %d of ", from.ID), user(from.Subject), ": ",
		user(from.Questionnaire.Title), " ", user(from.Questionnaire.Version), fmt.Sprintf(", assessed %s, %s.", from.AssessedOn, from.Status.Words()))
	if !d.SameQuestionnaire {
		intro = txt(intro, " The questionnaires differ: answers are matched by question ID.")
	}
	r.d.para(intro)
	plan := d.Plan
	shiftedWhy := ""
	if d.DueShifted {
		shiftedWhy = "; the default due dates count from each assessment's date"
	}
	if d.Unchanged() {
		r.d.para(txt("Nothing changed: " + d.Compared() + " are the same" + shiftedWhy + "."))
		return
	}
	var items []document.Text
	for _, l := range d.Levels {
		mark := ""
		if l.Outcome {
			mark = " (the outcome)"
		}
		items = append(items, txt(strong(user(l.Title), mark+":"), " ", orNone(l.Old), " → ", orNone(l.New), "."))
	}
	for _, c := range d.Dimensions {
		items = append(items, txt(strong(user(c.Title), ":"), " "+scoreText(c.Old, c.OldMax, c.OldPct, c.OnlyIn == "to")+" → "+
			scoreText(c.New, c.NewMax, c.NewPct, c.OnlyIn == "from")+"."))
	}
	items = append(items, txt(strong("Findings:"), fmt.Sprintf(" %d opened, %d closed, %d changed in severity.", len(d.Opened), len(d.Closed), len(d.Changed))))
	items = append(items, txt(strong("Answers changed:"), fmt.Sprintf(" %d.", len(d.Answers))))
	if r.q.MakesFindings() {
		items = append(items, txt(strong("Plan items changed:"), fmt.Sprintf(" %d%s.", len(plan), shiftedWhy)))
	}
	r.d.list(items...)
	r.findingChanges(d)
	r.planChangesTable(plan)
	r.answerChanges(d.Answers)
}

func (r *reporter) findingChanges(d *assess.Diff) {
	var rows [][]document.Text
	add := func(change string, key string, sev string, question string) {
		rows = append(rows, []document.Text{txt(change), txt(code(key)), txt(sev), txt(user(question))})
	}
	for _, f := range d.Opened {
		add("opened", f.Key, f.Severity.String(), f.Question)
	}
	for _, f := range d.Closed {
		add("closed", f.Key, f.Severity.String(), f.Question)
	}
	for _, c := range d.Changed {
		add("severity changed", c.Key, c.Old.String()+" → "+c.New.String(), c.Question)
	}
	if len(rows) > 0 {
		r.d.table(cells("Change", "Finding", "Severity", "Question"), rows)
	}
}

func (r *reporter) answerChanges(cs []assess.AnswerChange) {
	if len(cs) == 0 {
		return
	}
	rows := make([][]document.Text, 0, len(cs))
	for _, c := range cs {
		var what document.Text
		next := func(t document.Text) {
			if what != nil {
				what = txt(what, "; ")
			}
			what = txt(what, t)
		}
		if c.ValueChanged() || (!c.NoteChanged() && !c.EvidenceChanged()) {
			next(txt("answer: ", orNone(c.Old), " → ", orNone(c.New)))
		}
		if c.NoteChanged() {
			next(txt("note changed"))
		}
		if c.EvidenceChanged() {
			next(txt("evidence changed"))
		}
		rows = append(rows, []document.Text{txt(code(c.QuestionID)), txt(user(c.Question)), what})
	}
	r.d.table(cells("Question", "Text", "Change"), rows)
}

// orNone is a side of a change, "(none)" when empty.
func orNone(s string) document.Span {
	if s == "" {
		return document.Span{Text: "(none)"}
	}
	return user(s)
}

// scoreText is "5 of 16 (31.3%)", or "(none)" for a dimension one side
// does not have.
func scoreText(v, of, pct decimal.Decimal, none bool) string {
	if none {
		return "(none)"
	}
	return fmt.Sprintf("%s of %s (%s%%)", v, of, pct.Fixed(1))
}
