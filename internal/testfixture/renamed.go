// Package testfixture holds fixtures that the tests of more than one
// package build alike: made once here, so that a test of the command
// line and one of the workspace read the same assessment and cannot drift
// apart. Only tests import it.
package testfixture

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Renamed is questionnaires/testdata/renamed/controls-<version>.yaml,
// version "v1" or "v2": v2 renames v1's breach-notice incident-notice
// (the same words), renames mfa mfa-all-access, drops logging and adds
// pentest.
func Renamed(t testing.TB, version string) *assess.Questionnaire {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "questionnaires", "testdata", "renamed", "controls-"+version+".yaml")
	q, problems, err := questionnaires.ParseFile(path)
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	return q
}

// RenamedComparison is last year's assessment under controls-v1.yaml
// compared with this year's under controls-v2.yaml: breach-notice
// answered Partly last year, incident-notice (which replaces it) No this
// year, on 2026-03-10.
func RenamedComparison(t testing.TB) *assess.Diff {
	t.Helper()
	day := func(s string) assess.Date { d, _ := assess.ParseDate(s); return d }
	answer := func(id, v string) assess.Answers {
		return assess.Answers{id: {QuestionID: id, Value: assess.Value{Choices: []string{v}}}}
	}
	from := &assess.Assessment{ID: 1, Subject: "Acme", Questionnaire: Renamed(t, "v1"), AssessedOn: day("2025-03-01"), Status: assess.Approved, Answers: answer("breach-notice", "partial")}
	to := &assess.Assessment{ID: 2, Subject: "Acme", Questionnaire: Renamed(t, "v2"), AssessedOn: day("2026-03-01"), Status: assess.Draft, Answers: answer("incident-notice", "no")}
	today := day("2026-03-10")
	return assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
}
