package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The workspace's Compare tells a question the later questionnaire
// renamed (replaces) under its new ID and the old, last year's answer
// beside this year's: questionnaires/testdata/renamed/controls-v1.yaml's
// breach-notice, Partly, is controls-v2.yaml's incident-notice, No.
func TestCompareTellsARenamedQuestion(t *testing.T) {
	load := func(v string) *assess.Questionnaire {
		q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "renamed", "controls-"+v+".yaml"))
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
	d := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	text := ansi.Strip(diffText(newStyles(true), d, 120))
	for _, want := range []string{
		"• incident-notice (renamed from breach-notice) · Must the vendor notify us of incidents within 72 hours?",
		"answer    Partly → No",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Compare:\n%s\nwant it to hold %q", text, want)
		}
	}
	if strings.Contains(text, "• breach-notice") {
		t.Errorf("breach-notice is told as a question of its own:\n%s", text)
	}
}
