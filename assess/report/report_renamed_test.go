package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// The report's "Changes since" tells a question the later questionnaire
// renamed (replaces) under its new ID and the old, last year's answer
// beside this year's: questionnaires/testdata/renamed/controls-v1.yaml's
// breach-notice, Partly, is controls-v2.yaml's incident-notice, No.
func TestChangesSinceTellsARenamedQuestion(t *testing.T) {
	load := func(v string) *assess.Questionnaire {
		q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-"+v+".yaml"))
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		return q
	}
	answer := func(id, v string) assess.Answers {
		return assess.Answers{id: {QuestionID: id, Value: assess.Value{Choices: []string{v}}}}
	}
	from := &assess.Assessment{ID: 1, UUID: "a", Subject: "Acme", Questionnaire: load("v1"), AssessedOn: govDay("2025-03-01"), Status: assess.Approved, Answers: answer("breach-notice", "partial")}
	to := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: load("v2"), AssessedOn: govDay("2026-03-01"), Answers: answer("incident-notice", "no")}
	opts := report.Options{Today: govDay("2026-03-10")}
	later := assess.Evaluate(to, opts.Today)
	opts.Since = assess.Compare(assess.Evaluate(from, opts.Today), later)
	md := report.Markdown(later, opts)
	want := "| `incident-notice` (renamed from `breach-notice`) | Must the vendor notify us of incidents within 72 hours? | answer | Partly | No |"
	if !strings.Contains(md, want) {
		t.Errorf("report:\n%s\nwant the row:\n%s", md, want)
	}
	if flat := strings.Join(strings.Fields(md), " "); !strings.Contains(flat, "(or, for a question renamed, by the ID it replaces)") {
		t.Errorf("the report does not say renamed questions were matched by the ID they replace:\n%s", md)
	}
}
