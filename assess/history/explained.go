package history

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// explainKind is the kind of an explanation's record.
const explainKind = assess.ExplainKind

// explained describes an explanation of answers that disagree
// (assess.ExplainKind): the check, the answers it read as it was written,
// and the text. The questions are those answers', so that --question
// finds the explanation with the answers it explains.
func explained(rec ledger.Record, e *Entry) {
	var x assess.ExplanationRecord
	if !decode(rec.New, &x) {
		unreadable(rec, e)
		return
	}
	e.What = "answers that disagree explained"
	for _, a := range x.Answers {
		e.Questions = append(e.Questions, a.Question)
	}
	e.Changes = []Change{
		{Field: "check", New: rec.Target, HasNew: true},
		{Field: "answers", New: assess.DisagreeingAnswersLine(x.Answers), HasNew: true},
		{Field: "explanation", New: x.Text, HasNew: true},
	}
}
