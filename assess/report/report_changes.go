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
		user(from.Questionnaire.Title), " ", user(from.Questionnaire.Version), fmt.Sprintf(", assessed %s, %s.", from.AssessedOn, d.From.StatusWords()))
	if from.Imported != nil {
		intro = txt(intro, " It was ", user(from.Imported.Words()), ".")
	}
	if note := d.QuestionnaireNote("→"); note != "" {
		intro = txt(intro, " "+note)
	}
	r.d.para(intro)
	r.reviewChanges(d.Review)
	var items []document.Text
	if s := d.NoChanges(); s != "" {
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

// reviewChanges tells where each review stands, the DPO's opinion and
// the answers that disagree, where they moved: what was and what is in
// cells of their own, since both hold names and comments people wrote.
func (r *reporter) reviewChanges(cs []assess.ItemFieldChange) {
	if len(cs) == 0 {
		return
	}
	rows := make([][]document.Text, len(cs))
	for i, c := range cs {
		rows[i] = changeRow(c.Field, txt(user(c.Old)), txt(user(c.New)))
	}
	r.d.table(cells("Changed", "Before", "After"), rows)
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

// answerChanges lists the answers changed: a row for the answer, the
// note and each evidence reference that moved, with what it was and
// what it is in cells of their own (changeRow).
func (r *reporter) answerChanges(cs []assess.AnswerChange) {
	if len(cs) == 0 {
		return
	}
	var rows [][]document.Text
	for _, c := range cs {
		id := txt(code(c.QuestionID))
		if c.RenamedFrom != "" {
			id = txt(code(c.QuestionID), " (renamed from ", code(c.RenamedFrom), ")")
		}
		question := txt(user(c.Question))
		for _, ch := range answerChangeRows(c) {
			rows = append(rows, append([]document.Text{id, question}, ch...))
		}
	}
	r.d.table(cells("Question", "Text", "Changed", "Before", "After"), rows)
}

// answerChangeRows is the rows of one answer's change: the answer (also
// when nothing else reads differently, as AnswerChange.Fields tells it),
// a risk's planned measures and plan items, the note, and each evidence
// reference removed or added.
func answerChangeRows(c assess.AnswerChange) [][]document.Text {
	var rows [][]document.Text
	if c.AnswerShown() {
		rows = append(rows, changeRow("answer", side(c.Old), side(c.New)))
	}
	if c.MeasuresChanged() {
		rows = append(rows, changeRow("measures", side(c.OldMeasures), side(c.NewMeasures)))
	}
	if c.PlanItemsChanged() {
		rows = append(rows, changeRow("plan items", side(strings.Join(c.OldPlanItems, "; ")), side(strings.Join(c.NewPlanItems, "; "))))
	}
	if c.NoteChanged() {
		rows = append(rows, changeRow("note", side(c.OldNote), side(c.NewNote)))
	}
	if !c.EvidenceChanged() {
		return rows
	}
	removed, added := c.EvidenceMoved()
	for _, e := range removed {
		rows = append(rows, changeRow("evidence", side(e), side("")))
	}
	for _, e := range added {
		rows = append(rows, changeRow("evidence", side(""), side(e)))
	}
	if len(removed) == 0 && len(added) == 0 {
		rows = append(rows, changeRow("evidence", txt(emph("the same references")), txt(emph("in another order"))))
	}
	return rows
}
