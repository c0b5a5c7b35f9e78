package history

import (
	"strconv"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// explainKind is the kind of an explanation's record.
const explainKind = assess.ExplainKind

// explained describes an explanation of answers that disagree
// (assess.ExplainKind): the check, the answers it read as it was written,
// and the text. The questions are those answers', so that --question
// finds the explanation with the answers it explains. One a revision
// carried says so, and who wrote it when.
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
	if c := x.Carried; c != nil {
		// The record is the reviser's; the words are who wrote them.
		e.What = "explanation carried from assessment " + strconv.FormatInt(c.Assessment, 10)
		e.Changes = append(e.Changes, Change{Field: "written by",
			New:    c.By + ", " + c.At.UTC().Format(time.RFC3339) + " (record " + strconv.FormatInt(c.Seq, 10) + " of assessment " + strconv.FormatInt(c.Assessment, 10) + ")",
			HasNew: true})
	}
}
