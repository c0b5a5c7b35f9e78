package history

import (
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// label gives the answer change of changes (the "answer" field, when the
// value changed) its labels: the options chosen as the analyst saw them.
func (r *replay) label(qid string, was, now answerState, changes []Change) {
	if r.questionnaire == nil {
		return
	}
	for i := range changes {
		if changes[i].Field != "answer" {
			continue
		}
		q := r.question(qid)
		if changes[i].HadOld {
			changes[i].OldLabel = r.labelText(q, was.Value)
		}
		if changes[i].HasNew {
			changes[i].NewLabel = r.labelText(q, now.Value)
		}
	}
}

// concerns sets the questions an answer or plan record concerns: its
// own, and the question that renamed it when the questionnaire no longer
// asks it under that ID.
func (r *replay) concerns(qid string, e *Entry) {
	e.Questions = []string{qid}
	if r.questionnaire == nil {
		return
	}
	if _, ok := r.questionnaire.Question(qid); ok {
		return
	}
	if q := r.question(qid); q != nil {
		e.RenamedTo = q.ID
		e.Questions = append(e.Questions, q.ID)
	}
}

// question is the questionnaire's question qid, or the one that renamed
// it (Question.Replaces: a record of the ID it had before); nil when the
// questionnaire asks neither.
func (r *replay) question(qid string) *assess.Question {
	if q, ok := r.questionnaire.Question(qid); ok {
		return q
	}
	for _, q := range r.questionnaire.Questions {
		if slices.Contains(q.Replaces, qid) {
			return q
		}
	}
	return nil
}

// labelText is valueText with each option chosen by its label, "; "
// between them (a label may hold a comma); "" for a value that chose no
// option, which its value says as well as a label would. An option the
// question does not have (or a question the questionnaire does not ask)
// is its value, and says so.
func (r *replay) labelText(q *assess.Question, v assess.Value) string {
	if len(v.Choices) == 0 {
		return ""
	}
	labels := make([]string, len(v.Choices))
	for i, c := range v.Choices {
		var o *assess.Option
		if q != nil {
			o = q.Option(c)
		}
		if o != nil {
			labels[i] = o.Label
		} else {
			labels[i] = c + " (not an option of " + r.questionnaire.ID + " " + r.questionnaire.Version + ")"
		}
	}
	rest := v
	rest.Choices = nil
	if more := valueText(rest); more != "" {
		return strings.Join(labels, "; ") + "; " + more
	}
	return strings.Join(labels, "; ")
}
