package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// renamedComparison is last year's assessment under
// questionnaires/testdata/renamed/controls-v1.yaml compared with this
// year's under controls-v2.yaml, which renames breach-notice
// incident-notice: Partly last year, No this year.
func renamedComparison(t *testing.T) *assess.Diff {
	t.Helper()
	load := func(v string) *assess.Questionnaire {
		q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-"+v+".yaml"))
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		return q
	}
	day := func(s string) assess.Date { d, _ := assess.ParseDate(s); return d }
	answer := func(id, v string) assess.Answers {
		return assess.Answers{id: {QuestionID: id, Value: assess.Value{Choices: []string{v}}}}
	}
	from := &assess.Assessment{ID: 1, Subject: "Acme", Questionnaire: load("v1"), AssessedOn: day("2025-03-01"), Status: assess.Approved, Answers: answer("breach-notice", "partial")}
	to := &assess.Assessment{ID: 2, Subject: "Acme", Questionnaire: load("v2"), AssessedOn: day("2026-03-01"), Status: assess.Draft, Answers: answer("incident-notice", "no")}
	today := day("2026-03-10")
	return assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
}

// assay diff tells a renamed question under its new ID and the old, with
// last year's answer beside this year's, not as one question removed and
// another added.
func TestDiffTellsARenamedQuestion(t *testing.T) {
	var b strings.Builder
	writeDiff(&b, renamedComparison(t))
	out := b.String()
	want := "Answers changed: 1\n" +
		"  incident-notice (renamed from breach-notice): Must the vendor notify us of incidents within 72 hours?\n" +
		"    answer:   Partly -> No\n"
	if !strings.Contains(out, want) {
		t.Errorf("assay diff:\n%s\nwant it to hold:\n%s", out, want)
	}
	if strings.Contains(out, "  breach-notice:") {
		t.Errorf("breach-notice is told as a question of its own:\n%s", out)
	}
}
