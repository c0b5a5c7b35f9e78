package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// Opened with its output piped or redirected (assay > file, assay | less),
// or its input from a file, the workspace cannot draw a screen: it asks
// its questions as plain line prompts, as --accessible does, and writes no
// escape sequence into the file.
func TestWorkspaceWithoutTerminalUsesPlainPrompts(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	code := run(ctx, nil, strings.NewReader("q\n"), &out, &errOut, func(k string) string { return s.env[k] })
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("escape sequences written to a file:\n%q", out.String())
	}
	if !strings.Contains(out.String(), "Assessment 1: Acme Cloud") {
		t.Errorf("the assessments are not listed as lines:\n%s", out.String())
	}
	if want := "not a terminal"; !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr does not say why the prompts are plain (%q):\n%s", want, errOut.String())
	}
}

// A terminal that cannot move its cursor (TERM=dumb: an Emacs shell
// buffer, some CI logs) gets the plain prompts too; any other terminal
// the full screen.
func TestPlainPromptsReason(t *testing.T) {
	for _, c := range []struct {
		in, out bool
		term    string
		want    string
	}{
		{true, true, "xterm-256color", ""},
		{true, true, "", ""},
		{true, true, "dumb", "TERM=dumb"},
		{false, true, "xterm", "input is not a terminal"},
		{true, false, "xterm", "output is not a terminal"},
	} {
		got := plainPromptsReason(c.in, c.out, c.term)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("input terminal %v, output terminal %v, TERM=%q: %q, want %q", c.in, c.out, c.term, got, c.want)
		}
	}
}
