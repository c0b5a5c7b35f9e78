package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A command that prints an ID alone on stdout, for scripts, says so in
// its --help: assay subject edit printed the subject's ID and its help
// did not say it, nor did the help of assay revise and assay subject add,
// whose one-line summaries said it but whose --help shows the long text
// instead. What each command prints is read from running it, not from
// a list here, so a command whose output changes is held to its help.
func TestHelpSaysWhenACommandPrintsAnID(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	worst := filepath.Join("testdata", "worst", "vendor-security-screen.yaml")
	export := filepath.Join(dir, "export.json")
	steps := []struct {
		args []string
		ids  bool // the step is one whose output is checked
	}{
		{[]string{"new", "-q", "vendor-security-screen", "-s", "Globex", "--date", "2026-03-01"}, true},
		{[]string{"subject", "add", "Initech", "--kind", "vendor"}, true},
		{[]string{"subject", "edit", "Initech", "--tier", "high"}, true},
		{[]string{"answer", "1", "-f", worst}, false},
		{[]string{"review", "1", "--submit", "--accept-unconfirmed", "--date", "2026-03-02"}, false},
		{[]string{"export", "1", "-o", export}, false},
	}
	bare := regexp.MustCompile(`^[0-9]+\n$`)
	printsID := map[string]bool{}
	run := func(env []string, args []string, check bool) {
		t.Helper()
		if out := runOK(t, bin, env, args...); check && bare.MatchString(out) {
			printsID[commandOf(args)] = true
		}
	}
	for _, s := range steps {
		run(env, s.args, s.ids)
	}
	run(withEnv(env, "ASSAY_REVIEWER", "Rui Costa"), []string{"review", "1", "--approve", "--accept-unconfirmed", "--date", "2026-03-03"}, false)
	run(env, []string{"revise", "1"}, true)
	for _, want := range []string{"new", "subject add", "subject edit", "revise"} {
		if !printsID[want] {
			t.Errorf("assay %s did not print an ID alone: the test no longer checks what it is meant to", want)
		}
	}
	for cmd := range printsID {
		help := runProc(bin, env, append(strings.Fields(cmd), "--help")...)
		text := strings.Join(strings.Fields(help.stdout), " ")
		if help.code != 0 || !regexp.MustCompile(`(?i)\bprints? (its|the|the new|the subject's|the assessment's) ID\b`).MatchString(text) {
			t.Errorf("assay %s prints an ID alone on stdout, and its --help does not say so:\n%s", cmd, help.stdout)
		}
	}
}

// commandOf is the command a command line runs: its words before the
// first argument or flag ("subject add" of subject add Initech --kind …).
func commandOf(args []string) string {
	n := 1
	if args[0] == "subject" || args[0] == "team" || args[0] == "key" {
		n = 2
	}
	return strings.Join(args[:n], " ")
}
