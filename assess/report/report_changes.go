package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
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
	if from.Imported != nil {
		intro = txt(intro, " It was ", user(from.Imported.Words()), ".")
	}
	if note := d.QuestionnaireNote("→"); note != "" {
		intro = txt(intro, " "+note)
	}
	r.d.para(intro)
	var items []document.Text
	for _, c := range d.Review {
		items = append(items, txt(strong(c.Field+":"), " "+c.Old+" → "+c.New+"."))
	}
	if s := d.NoChanges(); s != "" {
		if len(items) > 0 {
			r.d.list(items...)
		}
		r.d.para(txt(s))
		r.dueShiftNote(d)
		return
	}
	for _, l := range d.Levels {
		items = append(items, txt(strong(l.Label()+":"), " "+l.Change("→")+"."))
	}
	for _, c := range d.Dimensions {
		items = append(items, txt(strong(user(c.Title), ":"), " "+c.Change("→")+"."))
	}
	items = append(items, txt(strong("Findings:"), fmt.Sprintf(" %d opened, %d closed, %d changed in severity.", len(d.Opened), len(d.Closed), len(d.Changed))))
	items = append(items, txt(strong("Answers changed:"), fmt.Sprintf(" %d.", len(d.Answers))))
	if r.q.MakesFindings() {
		items = append(items, txt(strong("Plan items changed:"), fmt.Sprintf(" %d.", len(d.Plan))))
	}
	r.d.list(items...)
	r.dueShiftNote(d)
	r.findingChanges(d)
	r.planChangesTable(d.Plan)
	r.answerChanges(d.Answers)
}

// dueShiftNote says why the default due dates differ, when they do.
func (r *reporter) dueShiftNote(d *assess.Diff) {
	if note := d.DueShiftNote(); note != "" {
		r.d.para(txt(note))
	}
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
		fs := c.Fields()
		what := make([]string, len(fs))
		for i, f := range fs {
			what[i] = f.Text("→")
		}
		id := txt(code(c.QuestionID))
		if c.RenamedFrom != "" {
			id = txt(code(c.QuestionID), " (renamed from ", code(c.RenamedFrom), ")")
		}
		rows = append(rows, []document.Text{id, txt(user(c.Question)), txt(strings.Join(what, "; "))})
	}
	r.d.table(cells("Question", "Text", "Change"), rows)
}
