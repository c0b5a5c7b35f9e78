package main

import (
	"strings"
	"testing"
)

// A pre-screen recommending a questionnaire that is neither built in nor
// in the questionnaires folder, such as dpai for dpia, linted clean, and
// the analyst was later offered an assessment assay could not start.
// Lint warns at the recommendation, suggesting the closest; the file
// still loads, since the questionnaire may be installed later.
func TestLintWarnsOfARecommendationNoOneHas(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "screen.yaml", `id: screen
version: "1"
title: Screen
kind: prescreen
recommends:
  - {questionnaire: dpia, when: "q == 'no'", reason: Known.}
  - {questionnaire: dpai, when: "q == 'no'", reason: Misspelt.}
sections:
  - {id: s, title: S, questions: [{id: q, type: control, text: Q}]}
`)
	code, out, _ := s.run("", "--questionnaires", dir, "lint", path)
	want := path + `:7:21: warning: recommends[1].questionnaire: there is no questionnaire "dpai" (did you mean "dpia"?)`
	if code != 0 || !strings.Contains(out, want) || strings.Count(out, "warning:") != 1 {
		t.Errorf("exit %d\n%s\nwant: %s", code, out, want)
	}
}
