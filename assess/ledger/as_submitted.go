package ledger

import (
	"encoding/json"

	"github.com/assay-dev/assay/assess"
)

// AsSubmitted is what the answers and plan items that the records after
// an assessment's submission change were as submitted: what the first
// record of each after it replaced (every answer and plan record keeps
// what it replaced; nothing, for a question then unanswered or an item
// then unedited). after holds the records that follow the submission's
// sign-off, in order. A replaced value that does not decode counts as
// none, so that the change is shown rather than hidden.
func AsSubmitted(after []Record) *assess.AsSubmitted {
	out := &assess.AsSubmitted{Answers: map[string]assess.Answer{}, Plan: map[string]assess.PlanEdit{}}
	for _, r := range after {
		switch r.Kind {
		case "answer":
			if _, seen := out.Answers[r.Target]; seen {
				continue
			}
			out.Answers[r.Target], _ = replacedAnswer(r.Target, r.Old)
		case "plan":
			if _, seen := out.Plan[r.Target]; seen {
				continue
			}
			var was assess.PlanEdit
			if r.Old == "" || json.Unmarshal([]byte(r.Old), &was) != nil {
				was = assess.PlanEdit{}
			}
			out.Plan[r.Target] = was
		}
	}
	return out
}
