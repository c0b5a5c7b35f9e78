package ledger

import (
	"maps"
	"time"

	"github.com/assay-dev/assay/assess"
)

// AnswersAt is what an assessment's answers were at t, from its answers
// now and its trail: the answers now, but for those changed after t, which
// are what the first change after t replaced (every answer record keeps
// the answer it replaced; none, for a question unanswered then). It is
// what a file assay send wrote at t filled in.
func AnswersAt(current assess.Answers, trail []Record, t time.Time) assess.Answers {
	out := maps.Clone(current)
	if out == nil {
		out = assess.Answers{}
	}
	seen := map[string]bool{}
	for _, r := range trail {
		if r.Kind != "answer" || seen[r.Target] {
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, r.At)
		if err != nil || !at.After(t) {
			continue
		}
		seen[r.Target] = true
		if was, ok := replacedAnswer(r.Target, r.Old); ok {
			out[r.Target] = was
		} else {
			delete(out, r.Target)
		}
	}
	return out
}
