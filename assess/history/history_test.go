package history

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// record is an audit record as the store writes it: values as JSON.
func record(seq int64, at, actor, kind, target string, old, new any) ledger.Record {
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	return ledger.Record{Seq: seq, At: at, Actor: actor, Kind: kind, Target: target, Old: enc(old), New: enc(new)}
}

func answer(choice, note string) ledger.AnswerRecord {
	return ledger.AnswerRecordOf(assess.Answer{Value: assess.Value{Choices: []string{choice}}, Note: note, Source: assess.ByAnalyst, Reviewed: true})
}

// smallTrail is a small assessment's trail, as assay writes it: created,
// encryption answered no, then changed to yes with a note, a plan item
// given an owner and a due date, submitted (signature, then status) and
// approved (signature, then status). Record 3's own old value is a lie
// (the trail before it held "no"): the history must say "no".
func smallTrail() []ledger.Record {
	d := func(s string) assess.Date { v, _ := assess.ParseDate(s); return v }
	return []ledger.Record{
		record(1, "2026-03-01T09:00:00.5Z", "Ana Analyst", "create", "assessment", nil,
			map[string]any{"subject": "Acme Cloud", "subject_id": 1, "questionnaire": "vendor-tiering 1.0.0", "digest": "x", "reviewer": "Ana Analyst", "assessed_on": "2026-03-01", "status": "draft"}),
		record(2, "2026-03-01T09:01:00Z", "Ana Analyst", "answer", "encryption", nil, answer("no", "")),
		record(3, "2026-03-02T10:15:30.123Z", "Ana Analyst", "answer", "encryption", answer("partial", ""), answer("yes", "Keys in KMS")),
		record(4, "2026-03-02T10:20:00Z", "Ana Analyst", "plan", "mfa", nil, assess.PlanEdit{Key: "mfa", Owner: "Bob Ops", Due: d("2026-04-30"), DueReason: "vendor's release"}),
		record(5, "2026-03-02T11:00:00Z", "Ana Analyst", "signoff", "author", nil, assess.SignOff{Role: "author", Name: "Ana Analyst", On: d("2026-03-02"), Decision: "submitted", Seq: 4}),
		record(6, "2026-03-02T11:00:00Z", "Ana Analyst", "status", "assessment", "draft", "in-review"),
		record(7, "2026-03-03T08:30:00Z", "Rita Reviewer", "signoff", "reviewer", nil, assess.SignOff{Role: "reviewer", Name: "Rita Reviewer", On: d("2026-03-03"), Decision: "approved", Comment: "Fine.", Seq: 6}),
		record(8, "2026-03-03T08:30:00Z", "Rita Reviewer", "status", "assessment", "in-review", "approved"),
	}
}

// lines is the history as the command line prints it, one entry a block.
func lines(entries []Entry) string {
	var b strings.Builder
	for _, e := range entries {
		for i, l := range e.Lines("->") {
			if i == 0 {
				b.WriteString(e.When() + " " + e.Who() + " | " + l + "\n")
			} else {
				b.WriteString("    " + l + "\n")
			}
		}
	}
	return b.String()
}

func TestReadSmallTrail(t *testing.T) {
	got := lines(Read(smallTrail(), nil))
	want := `2026-03-01 09:00:00 Ana Analyst | assessment created
    subject: Acme Cloud
    questionnaire: vendor-tiering 1.0.0
    reviewer: Ana Analyst
    assessed on: 2026-03-01
    status: draft
2026-03-01 09:01:00 Ana Analyst | answer set: encryption
    answer: no
2026-03-02 10:15:30 Ana Analyst | answer changed: encryption
    answer: no -> yes
    note: Keys in KMS
2026-03-02 10:20:00 Ana Analyst | plan item edited: mfa
    owner: Bob Ops
    due: 2026-04-30
    due reason: vendor's release
2026-03-02 11:00:00 Ana Analyst | sign-off as author: submitted
    signed by: Ana Analyst
    dated: 2026-03-02
2026-03-02 11:00:00 Ana Analyst | status changed
    status: draft -> in-review
2026-03-03 08:30:00 Rita Reviewer | sign-off as reviewer: approved
    signed by: Rita Reviewer
    dated: 2026-03-03
    comment: Fine.
2026-03-03 08:30:00 Rita Reviewer | status changed
    status: in-review -> approved
`
	if got != want {
		t.Fatalf("history:\n%s\nwant:\n%s", got, want)
	}
}

// A second plan edit and a note removed: old values from the trail.
func TestReadChangesAgainstTrail(t *testing.T) {
	recs := smallTrail()[:4]
	recs = append(recs,
		record(5, "2026-03-04T09:00:00Z", "Bo", "answer", "encryption", nil, answer("yes", "")),
		record(6, "2026-03-04T09:01:00Z", "Bo", "plan", "mfa", nil, assess.PlanEdit{Key: "mfa", Owner: "Cy", Status: assess.ItemDone}))
	got := lines(Read(recs, nil)[4:])
	want := `2026-03-04 09:00:00 Bo | answer changed: encryption
    note: Keys in KMS -> (none)
2026-03-04 09:01:00 Bo | plan item edited: mfa
    owner: Bob Ops -> Cy
    due: 2026-04-30 -> (none)
    due reason: vendor's release -> (none)
    status: done
`
	if got != want {
		t.Fatalf("history:\n%s\nwant:\n%s", got, want)
	}
}

// A kind this assay does not know, and a known kind that does not read,
// are shown with what they hold, never dropped.
func TestReadUnknownKinds(t *testing.T) {
	recs := []ledger.Record{
		{Seq: 1, At: "2026-03-01T09:00:00Z", Actor: "x", Kind: "teleport", Target: "moon", New: `{"a":1}`},
		{Seq: 2, At: "yesterday", Actor: "", Kind: "answer", Target: "q", New: `not json`},
	}
	got := lines(Read(recs, nil))
	want := `2026-03-01 09:00:00 x | unknown record kind "teleport"
    recorded new value: {"a":1}
yesterday (nobody recorded) | answer record that does not read: q
    recorded value: not json
`
	if got != want {
		t.Fatalf("history:\n%s\nwant:\n%s", got, want)
	}
}

// Escape sequences in a note, an actor and a question ID never reach
// the lines; a note in lines shows its first line, and Texts it whole.
func TestLinesAreClean(t *testing.T) {
	evil := "first\x1b]0;owned\x07 line\x1b[2J\nsecond\u202e line"
	recs := []ledger.Record{record(1, "2026-03-01T09:00:00Z", "Eve\x1b[31m", "answer", "q\x1b[1m", nil, answer("yes", evil))}
	e := Read(recs, nil)[0]
	all := strings.Join(append(e.Lines("->"), e.Who()), "\n")
	for _, tx := range e.Texts() {
		all += tx.Label + strings.Join(tx.Lines, "\n")
	}
	if strings.ContainsAny(all, "\x1b\x07\u202e") {
		t.Fatalf("escape reached the lines: %q", all)
	}
	if got := e.Lines("->")[2]; got != "note: first line …" {
		t.Fatalf("note line %q", got)
	}
	if tx := e.Texts(); len(tx) != 1 || tx[0].Label != "q note" || strings.Join(tx[0].Lines, "|") != "first line|second line" {
		t.Fatalf("texts %q", tx)
	}
}

func TestFilterAndVerdict(t *testing.T) {
	entries := Read(smallTrail(), nil)
	since, _ := assess.ParseDate("2026-03-02")
	got := func(f Filter) (seqs []int64) {
		for _, e := range f.Apply(entries) {
			seqs = append(seqs, e.Seq)
		}
		return seqs
	}
	for _, c := range []struct {
		f    Filter
		want string
	}{
		{Filter{Question: "encryption"}, "[2 3]"},
		{Filter{Since: since}, "[3 4 5 6 7 8]"},
		{Filter{By: "rita reviewer"}, "[7 8]"},
		{Filter{Question: "encryption", Since: since}, "[3]"},
	} {
		if s := fmt.Sprint(got(c.f)); s != c.want {
			t.Errorf("%+v: %s, want %s", c.f, s, c.want)
		}
	}
	Verdict{From: 4}.Mark(entries)
	for _, e := range entries {
		if e.Verified != (e.Seq < 4) {
			t.Errorf("record %d verified %v", e.Seq, e.Verified)
		}
	}
	Verdict{Intact: true}.Mark(entries)
	if !entries[7].Verified {
		t.Error("intact trail: record 8 unverified")
	}
}
