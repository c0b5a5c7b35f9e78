package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
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
	r.d.heading(2, fmt.Sprintf("Changes since assessment %d", from.ID))
	intro := fmt.Sprintf("Compared with assessment %d of %s: %s %s, assessed %s, %s.", from.ID, Inline(from.Subject),
		Inline(from.Questionnaire.Title), Inline(from.Questionnaire.Version), from.AssessedOn, from.Status.Words())
	if !d.SameQuestionnaire {
		intro += " The questionnaires differ: answers are matched by question ID."
	}
	r.d.para(intro)
	if d.Empty() {
		r.d.para("Nothing changed: the answers, scores, levels and findings are the same.")
		return
	}
	var items []string
	for _, l := range d.Levels {
		mark := ""
		if l.Outcome {
			mark = " (the outcome)"
		}
		items = append(items, fmt.Sprintf("**%s%s:** %s → %s.", Inline(l.Title), mark, orNone(l.Old), orNone(l.New)))
	}
	for _, c := range d.Dimensions {
		items = append(items, fmt.Sprintf("**%s:** %s → %s.", Inline(c.Title), scoreText(c.Old, c.OldMax, c.OldPct, c.OnlyIn == "to"),
			scoreText(c.New, c.NewMax, c.NewPct, c.OnlyIn == "from")))
	}
	items = append(items, fmt.Sprintf("**Findings:** %d opened, %d closed, %d changed in severity.", len(d.Opened), len(d.Closed), len(d.Changed)))
	items = append(items, fmt.Sprintf("**Answers changed:** %d.", len(d.Answers)))
	r.d.list(items...)
	r.findingChanges(d)
	r.answerChanges(d.Answers)
}

func (r *reporter) findingChanges(d *assess.Diff) {
	var rows [][]string
	add := func(change string, key string, sev string, question string) {
		rows = append(rows, []string{change, Code(key), sev, Inline(question)})
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
		r.d.table([]string{"Change", "Finding", "Severity", "Question"}, rows)
	}
}

func (r *reporter) answerChanges(cs []assess.AnswerChange) {
	if len(cs) == 0 {
		return
	}
	rows := make([][]string, 0, len(cs))
	for _, c := range cs {
		var what []string
		if c.ValueChanged() || (!c.NoteChanged() && !c.EvidenceChanged()) {
			what = append(what, fmt.Sprintf("answer: %s → %s", orNone(c.Old), orNone(c.New)))
		}
		if c.NoteChanged() {
			what = append(what, "note changed")
		}
		if c.EvidenceChanged() {
			what = append(what, "evidence changed")
		}
		rows = append(rows, []string{Code(c.QuestionID), Inline(c.Question), strings.Join(what, "; ")})
	}
	r.d.table([]string{"Question", "Text", "Change"}, rows)
}

// orNone is an escaped side of a change, "(none)" when empty.
func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return Inline(s)
}

// scoreText is "5 of 16 (31.3%)", or "(none)" for a dimension one side
// does not have.
func scoreText(v, of, pct decimal.Decimal, none bool) string {
	if none {
		return "(none)"
	}
	return fmt.Sprintf("%s of %s (%s%%)", v, of, pct.Fixed(1))
}
