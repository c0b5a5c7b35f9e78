package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A subject or an assessment that is not there is named as it was given:
// assay subject edit 99 said 'no subject named "99"', though 99 was an
// ID, and assay report 99 said "no assessment 99" without where the IDs
// are. Each command taking a subject or an assessment says which was
// looked for and where they are listed, and changes nothing.
func TestAReferenceNotFoundIsNamedAsItWasGiven(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "")
	answers := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(answers, []byte("answers:\n  hosting: eu\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := s.listed()
	const noSubject99 = "assay: no subject with ID 99 (assay subject list shows them)\n"
	const noAssessment99 = "assay: no assessment with ID 99 (assay list shows them)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"subject", "edit", "99", "--tier", "high"}, noSubject99},
		{[]string{"subject", "show", "99"}, noSubject99},
		{[]string{"subject", "edit", "Initech", "--tier", "high"}, "assay: no subject named \"Initech\" (assay subject list shows them)\n"},
		{[]string{"subject", "show", "Initech"}, "assay: no subject named \"Initech\" (assay subject list shows them)\n"},
		{[]string{"report", "99"}, noAssessment99},
		{[]string{"score", "99"}, noAssessment99},
		{[]string{"answer", "99", "--file", answers}, noAssessment99},
		{[]string{"plan", "99"}, noAssessment99},
		{[]string{"export", "99"}, noAssessment99},
		{[]string{"history", "99"}, noAssessment99},
		{[]string{"coverage", "99"}, noAssessment99},
		{[]string{"review", "99", "--submit"}, noAssessment99},
		{[]string{"revise", "99"}, noAssessment99},
		{[]string{"dpo", "99", "--opinion", "favourable"}, noAssessment99},
		{[]string{"explain", "99", "check", "because"}, noAssessment99},
		{[]string{"diff", "99"}, noAssessment99},
		{[]string{"diff", "1", "99"}, noAssessment99},
		{[]string{"send", "99", "-o", filepath.Join(t.TempDir(), "q.yaml")}, noAssessment99},
		{[]string{"verify", "99"}, noAssessment99},
	} {
		code, out, errOut := s.run("", c.args...)
		if code != 1 || errOut != c.want {
			t.Errorf("assay %s: exit %d, stdout %q, stderr\n%q\nwant exit 1 and\n%q", strings.Join(c.args, " "), code, out, errOut, c.want)
		}
	}
	if after := s.listed(); after != before {
		t.Errorf("a refusal changed the portfolio:\n%s\nnow\n%s", before, after)
	}
}
