package history

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// evil is text a hostile record holds: an escape sequence that retitles
// the terminal, one that clears it, a bell, a bidi override that turns
// the rest of a line round, a line break.
const evil = "a\x1b]0;owned\x07b\x1b[2J\u202ec\u2066d\nsecond"

// Every text field of every kind of record, and the labels the
// questionnaire gives answers, reach the lines, the texts, the author,
// the time and the verdict clean: no escape, no bidi control.
func TestEveryFieldIsCleaned(t *testing.T) {
	d := func(s string) assess.Date { v, _ := assess.ParseDate(s); return v }
	q := &assess.Questionnaire{ID: "q" + evil, Version: "1.0.0", Sections: []*assess.Section{{ID: "s", Questions: []*assess.Question{
		{ID: "pick", Type: assess.TypeMulti, Options: []*assess.Option{{Value: "x", Label: "X" + evil}}},
	}}}}
	q.Index()
	at := "2026-03-01T09:00:00Z"
	recs := []ledger.Record{
		record(1, at+evil, evil, "create", "assessment"+evil, nil, map[string]any{"subject": evil, "questionnaire": evil, "reviewer": evil, "assessed_on": evil, "status": evil}),
		record(2, at, evil, "answer", "pick"+evil, nil, ledger.AnswerRecordOf(assess.Answer{Value: assess.Value{Choices: []string{"x", "y" + evil}, Text: evil}, Note: evil, Evidence: []string{evil, evil}})),
		record(3, at, evil, "answer", "pick", nil, ledger.AnswerRecordOf(assess.Answer{Value: assess.Value{Choices: []string{"x"}}, Note: evil})),
		record(4, at, evil, "answer", "pick", nil, ledger.AnswerRecordOf(assess.Answer{Value: assess.Value{Choices: []string{"y" + evil}}})),
		record(5, at, evil, "plan", "k"+evil, nil, assess.PlanEdit{Key: evil, Owner: evil, Action: evil, Due: d("2026-04-01"), DueReason: evil,
			Status: assess.ItemStatus(evil), Acceptance: &assess.Acceptance{Approver: evil, Reason: evil, Expires: d("2026-05-01")},
			Milestones: []assess.Milestone{{Title: evil, Due: d("2026-04-15")}}}),
		record(6, at, evil, "signoff", "author"+evil, nil, assess.SignOff{Role: evil, Name: evil, On: d("2026-03-02"), Decision: evil, Comment: evil}),
		record(7, at, evil, "status", "assessment", evil, evil),
		record(8, at, evil, "accept", evil, nil, map[string]any{"action": evil, "count": 1, "questions": []string{evil}}),
		record(9, at, evil, "subject", evil, map[string]string{"name": evil, "kind": evil}, map[string]string{"name": evil + "2", "kind": evil + "2"}),
		record(10, at, evil, "import", evil, nil, map[string]any{"exported_by": evil, "exported_at": evil, "signed_by": evil, "signed_key": evil, "file_digest": evil, "subject": evil}),
		record(11, at, evil, ledger.SendingKind, evil, nil, map[string]string{"sent": evil}),
		record(12, at, evil, "kind"+evil, evil, evil, evil),
		{Seq: 13, At: evil, Actor: evil, Kind: "answer", Target: evil, New: evil},
		record(14, at, evil, "revise", evil, nil, map[string]any{"subject": evil, "questionnaire": evil, "revision": 2, "revision_of": 1}),
	}
	entries := Read(recs, q)
	Verdict{From: 3, Why: evil}.Mark(entries)
	all := []string{Verdict{From: 3, Why: evil}.Words(1, true, len(entries)), Verdict{Why: evil}.Words(0, false, 1)}
	for _, e := range entries {
		all = append(all, e.When(), e.Who())
		all = append(all, e.Lines("->")...)
		for _, tx := range e.Texts() {
			all = append(all, tx.Label)
			all = append(all, tx.Lines...)
		}
	}
	text := strings.Join(all, "\n")
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u2066"} {
		if strings.Contains(text, bad) {
			t.Errorf("%q reached the history:\n%q", bad, text)
		}
	}
	if len(entries) != len(recs) {
		t.Errorf("%d entries for %d records", len(entries), len(recs))
	}
}

// --since keeps a record whose time does not read (written outside
// assay, or damaged): nobody can say it is older than the day asked
// about, and a filter that dropped it would hide it from the auditor
// asking what changed lately. A time with an offset is read in UTC.
func TestSinceKeepsWhatItCannotDate(t *testing.T) {
	recs := []ledger.Record{
		record(1, "2026-03-01T09:00:00Z", "a", "status", "assessment", nil, "draft"),
		record(2, "", "a", "status", "assessment", nil, "draft"),
		record(3, "1999-bogus", "a", "status", "assessment", nil, "draft"),
		record(4, "yesterday", "a", "status", "assessment", nil, "draft"),
		record(5, "2026-03-01T23:30:00-05:00", "a", "status", "assessment", nil, "draft"),
		record(6, "2026-03-02T01:30:00+03:00", "a", "status", "assessment", nil, "draft"),
	}
	since, _ := assess.ParseDate("2026-03-02")
	var got []int64
	for _, e := range (Filter{Since: since}).Apply(Read(recs, nil)) {
		got = append(got, e.Seq)
	}
	if want := []int64{2, 3, 4, 5}; !equalSeqs(got, want) {
		t.Errorf("--since 2026-03-02 kept %v, want %v", got, want)
	}
}

func equalSeqs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
