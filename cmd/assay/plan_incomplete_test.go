package main

import (
	"strings"
	"testing"
)

// A plan holds the gaps of the questions answered so far. assay plan of
// an assessment with nothing answered said "the assessment has no
// findings", and one half answered listed its items with no word of the
// questions still to come: an analyst read an unfinished plan as the
// whole of it. The listing says how many questions are answered while
// the assessment is incomplete, and an empty plan says it is empty so far.
func TestPlanOfAnIncompleteAssessmentSaysSo(t *testing.T) {
	s := newCLISession(t)
	empty := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "")
	out := s.ok("plan", empty, "--as-of", "2026-02-01")
	for _, want := range []string{
		"Answered: 0 of 33 (incomplete): a question becomes an item once its answer shows a gap\n",
		"No remediation items yet: no answer so far shows a gap.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the plan of an assessment with nothing answered lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "has no findings") {
		t.Errorf("the plan of an assessment with nothing answered says it has no findings:\n%s", out)
	}

	half := s.startBuiltin("vendor-security-screen", "Beta", "2026-01-31", "mfa: no\npolicy: yes")
	if out := s.ok("plan", half, "--as-of", "2026-02-01"); !strings.Contains(out, "Answered: 2 of 33 (incomplete)") || !strings.Contains(out, "Items: 1,") {
		t.Errorf("the plan of a half-answered assessment does not say it is incomplete:\n%s", out)
	}

	// Every question answered: the plan is the whole of it, as before.
	whole := s.startBuiltin("vendor-security-screen", "Gamma", "2026-01-31", vendorAnswers)
	if out := s.ok("plan", whole, "--as-of", "2026-02-01"); strings.Contains(out, "incomplete") || strings.Contains(out, "Answered:") {
		t.Errorf("the plan of a complete assessment says it is incomplete:\n%s", out)
	}
}
