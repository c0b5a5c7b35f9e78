package ledger

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The answers at a moment, worked out by hand from a trail: mfa was no
// at 10:00 (changed to yes at 10:05, then partial at 10:10: the first
// change after says what it replaced), policy was unanswered (answered
// at 10:07), backups unchanged since 09:00 (as it is now).
func TestAnswersAt(t *testing.T) {
	rec := func(at, target, old string) Record {
		return Record{Kind: "answer", At: at, Target: target, Old: old}
	}
	no := `{"evidence":null,"note":"SMS only","reviewed":true,"source":"analyst","value":{"choices":["no"]}}`
	yes := `{"evidence":null,"note":"","reviewed":true,"source":"analyst","value":{"choices":["yes"]}}`
	trail := []Record{
		rec("2026-03-02T09:00:00Z", "backups", ""),
		rec("2026-03-02T09:30:00Z", "mfa", ""),
		{Kind: "plan", At: "2026-03-02T10:01:00Z", Target: "mfa", Old: "{}"},
		rec("2026-03-02T10:05:00.5Z", "mfa", no),
		rec("2026-03-02T10:07:00Z", "policy", ""),
		rec("2026-03-02T10:10:00Z", "mfa", yes),
	}
	choice := func(v string) assess.Answer { return assess.Answer{Value: assess.Value{Choices: []string{v}}} }
	now := assess.Answers{"mfa": choice("partial"), "policy": choice("yes"), "backups": choice("yes")}
	got := AnswersAt(now, trail, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	if len(got) != 2 || got["mfa"].Value.Choices[0] != "no" || got["mfa"].Note != "SMS only" || !got["mfa"].Reviewed ||
		got["backups"].Value.Choices[0] != "yes" {
		t.Errorf("answers at 10:00: %+v", got)
	}
	if _, ok := got["policy"]; ok {
		t.Errorf("policy, answered at 10:07, was answered at 10:00: %+v", got["policy"])
	}
	if now["mfa"].Value.Choices[0] != "partial" {
		t.Errorf("the answers now were changed: %+v", now)
	}
}
