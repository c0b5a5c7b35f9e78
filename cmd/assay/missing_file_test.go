package main

import (
	"strings"
	"testing"
)

// A file named on the command line that is not there is named in words:
// "cannot read FILE: there is no such file", not Go's "stat FILE: …",
// which reads as a program's internals to someone who mistyped a name.
// Nothing is recorded or written, and the exit status is 1.
func TestAMissingFileIsNamedInWords(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	for _, args := range [][]string{
		{"answer", id, "--file", "nope.yaml"},
		{"lint", "nope.yaml"},
		{"convert", "nope.yaml", "-o", "out.yaml"},
		{"import", "nope.yaml"},
		{"verify", "--against", "nope.yaml"},
	} {
		code, _, errOut := s.run("", args...)
		if code != 1 || !strings.Contains(errOut, "cannot read nope.yaml: there is no such file") || strings.Contains(errOut, "stat ") {
			t.Errorf("assay %s: exit %d, %q", strings.Join(args, " "), code, errOut)
		}
	}
}
