package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A risk rated more likely, or worse in impact, after the planned
// measures than as found is taken as the analyst rated it (an export or a
// portfolio holding one still imports and migrates), but it is not passed
// over in silence: planned measures do not raise a risk, so the report
// and assay score --explain say which rating rose and ask for a check.
// Here risk-access rises from limited to significant likelihood;
// risk-modification falls, as measures make it.
func TestARiskRatedHigherAfterMeasuresIsPointedOut(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Payroll analytics", "--date", "2026-01-10"))
	file := filepath.Join(t.TempDir(), "risks.yaml")
	if err := os.WriteFile(file, []byte(`answers:
  risk-access: {likelihood: limited, impact: significant, after: {likelihood: significant, impact: significant}, measures: Shared accounts removed.}
  risk-modification: {likelihood: significant, impact: limited, after: {likelihood: limited, impact: limited}, measures: Read-only copies.}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := s.run("", "answer", id, "-f", file)
	wantErr := file + ": risk-access is rated higher after the planned measures than as found (likelihood limited as found, significant after): recorded as given; check its ratings\n"
	if code != 0 || out != "recorded 2 answers in assessment "+id+"\n" || errOut != wantErr {
		t.Errorf("assay answer: exit %d\n%s%s\nwant on standard error:\n%s", code, out, errOut, wantErr)
	}
	report := strings.Join(strings.Fields(s.ok("report", id)), " ")
	want := "R1 (Illegitimate access to personal data) is rated higher after the planned measures than as found: likelihood limited as found, significant after. Planned measures do not make a risk more likely or its impact worse: check its ratings before deciding."
	if !strings.Contains(report, want) {
		t.Errorf("the report lacks %q:\n%s", want, report)
	}
	// R2 is named under Planned measures with its measures; it is not
	// said to be rated higher.
	if strings.Contains(report, "R2 (Unwanted modification of personal data) is rated higher") {
		t.Errorf("the report points out R2, which measures lower:\n%s", report)
	}
	explain := s.ok("score", id, "--explain")
	if !strings.Contains(explain, "risk-access: rated higher after measures than as found (likelihood limited as found, significant after): check its ratings") {
		t.Errorf("score --explain does not point out risk-access:\n%s", explain)
	}
	if strings.Contains(explain, "risk-modification: rated higher") {
		t.Errorf("score --explain points out risk-modification:\n%s", explain)
	}
}
