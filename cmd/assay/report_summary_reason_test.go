package main

import (
	"strings"
	"testing"
)

// A level read from a matrix has no score of its own to quote, and its
// meaning says only "a required measure is missing, or a high risk
// remains": the executive summary gives the cell that set it, as "Levels
// and why" does, so page one says why without the reader turning to it.
func TestReportSummarySaysWhyTheLevel(t *testing.T) {
	s := newCLISession(t)
	for q, want := range map[string]string{
		"eu-ai-act-fria": "**FRIA outcome: critical.** Why: Gaps in the deployer's measures severe × " +
			"Highest risk to fundamental rights after planned measures critical in the FRIA outcome matrix; " +
			"the knock-out on prohibited-practice (no better than critical) does not move it. Do not use the system.",
		"dpia": "**DPIA outcome: critical.** Why: Gaps against data protection principles severe × " +
			"Highest risk after planned measures critical in the DPIA outcome matrix",
	} {
		id := s.worstCase(q)
		md := s.ok("report", id, "--as-of", "2026-03-15")
		if summary := executiveSummary(t, md); !strings.Contains(summary, want) {
			t.Errorf("%s: the summary does not say %q:\n%s", q, want, summary)
		}
		if n := strings.Count(executiveSummary(t, md), "Why:"); n != 1 {
			t.Errorf("%s: the summary gives %d reasons for its level, want 1", q, n)
		}
	}
}
