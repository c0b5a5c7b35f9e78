package history

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/internal/testfixture"
)

func choices(cs ...string) ledger.AnswerRecord {
	return ledger.AnswerRecordOf(assess.Answer{Value: assess.Value{Choices: cs}, Source: assess.ByAnalyst, Reviewed: true})
}

// An auditor reads the label the analyst chose from ("Partly"), not the
// option's value ("partial"). Under controls-v2.yaml: incident-notice
// answered Partly, then No; breach-notice, the ID incident-notice
// replaces, read with incident-notice's labels; logging, which v2 no
// longer asks, and an mfa-all-access value that is no option of v2,
// shown as their values, saying so.
func TestAnswersReadAsLabels(t *testing.T) {
	at := "2026-04-01T10:00:00Z"
	recs := []ledger.Record{
		record(1, at, "Ana", "answer", "incident-notice", nil, choices("partial")),
		record(2, at, "Ana", "answer", "incident-notice", nil, choices("no")),
		record(3, at, "Ana", "answer", "breach-notice", nil, choices("yes")),
		record(4, at, "Ana", "answer", "logging", nil, choices("yes")),
		record(5, at, "Ana", "answer", "mfa-all-access", nil, choices("sometimes")),
	}
	want := []string{
		"answer set: incident-notice|answer: Partly",
		"answer changed: incident-notice|answer: Partly -> No",
		"answer set: breach-notice (renamed incident-notice)|answer: Yes, in place",
		"answer set: logging|answer: yes (not an option of renamed-controls 2.0.0)",
		"answer set: mfa-all-access|answer: sometimes (not an option of renamed-controls 2.0.0)",
	}
	entries := Read(recs, testfixture.Renamed(t, "v2"))
	for i, e := range entries {
		if got := strings.Join(e.Lines("->"), "|"); got != want[i] {
			t.Errorf("record %d:\n got %s\nwant %s", e.Seq, got, want[i])
		}
	}
	// JSON keeps the value a script compares, and adds the label.
	b, err := json.Marshal(entries[1].Changes[0])
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"field":"answer","old":"partial","new":"no","old_label":"Partly","new_label":"No","had_old":true,"has_new":true}`; got != want {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}
}

// A multiple-choice answer reads as its options' labels, one retired
// option as its value, saying so; without a questionnaire (nil) the
// values are all there is.
func TestMultipleChoiceReadsAsLabels(t *testing.T) {
	q := &assess.Questionnaire{ID: "data-map", Version: "1.2.0", Sections: []*assess.Section{{ID: "s", Questions: []*assess.Question{
		{ID: "data", Type: assess.TypeMulti, Options: []*assess.Option{{Value: "health", Label: "Health data"}, {Value: "contacts", Label: "Business contacts, names"}}},
	}}}}
	q.Index()
	at := "2026-04-01T10:00:00Z"
	recs := []ledger.Record{
		record(1, at, "Ana", "answer", "data", nil, choices("health", "contacts")),
		record(2, at, "Ana", "answer", "data", nil, choices("contacts", "biometrics")),
	}
	if got, want := strings.Join(Read(recs, q)[1].Lines("->"), "|"),
		"answer changed: data|answer: Health data; Business contacts, names -> Business contacts, names; biometrics (not an option of data-map 1.2.0)"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got, want := strings.Join(Read(recs, nil)[1].Lines("->"), "|"), "answer changed: data|answer: health, contacts -> contacts, biometrics"; got != want {
		t.Errorf("without a questionnaire:\n got %s\nwant %s", got, want)
	}
}

// Records of a question under the ID it had before the questionnaire
// renamed it (breach-notice, which controls-v2's incident-notice
// replaces) are records of that question: --question incident-notice
// (and t on it in the interview) finds them, and they say so; the old ID
// finds them too.
func TestRenamedQuestionsRecordsFollowTheirQuestion(t *testing.T) {
	at := "2026-04-01T10:00:00Z"
	recs := []ledger.Record{
		record(1, at, "Ana", "answer", "breach-notice", nil, choices("partial")),
		record(2, at, "Ana", "plan", "breach-notice", nil, assess.PlanEdit{Key: "breach-notice", Owner: "Bo"}),
		record(3, at, "Ana", "answer", "incident-notice", nil, choices("no")),
		record(4, at, "Ana", "answer", "encryption", nil, choices("no")),
	}
	entries := Read(recs, testfixture.Renamed(t, "v2"))
	for _, c := range []struct {
		question string
		want     []int64
	}{{"incident-notice", []int64{1, 2, 3}}, {"breach-notice", []int64{1, 2}}, {"encryption", []int64{4}}} {
		var got []int64
		for _, e := range (Filter{Question: c.question}).Apply(entries) {
			got = append(got, e.Seq)
		}
		if !equalSeqs(got, c.want) {
			t.Errorf("--question %s: records %v, want %v", c.question, got, c.want)
		}
	}
	if got, want := strings.Join(entries[0].Lines("->"), "|"), "answer set: breach-notice (renamed incident-notice)|answer: Partly"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got, want := entries[1].Lines("->")[0], "plan item edited: breach-notice (renamed incident-notice)"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}
