package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// emptyListCommands are the commands that print a list, in every form
// they print it: run on a portfolio with nothing in it, each must end
// what it prints with a newline (or print nothing), or the shell's
// prompt lands on the end of its last line, a table's heading.
var emptyListCommands = [][]string{
	{"list"}, {"list", "--all"}, {"list", "--json"}, {"list", "--all", "--json"},
	{"overdue"}, {"overdue", "--archived"}, {"overdue", "--json"},
	{"due"}, {"due", "--within", "30"}, {"due", "--json"},
	{"subject", "list"}, {"subject", "list", "--json"},
	{"questionnaires"},
}

// checkEndsInNewline fails the test for each command whose output does
// not end in a newline.
func checkEndsInNewline(t *testing.T, run func(args ...string) procResult, commands [][]string) {
	t.Helper()
	for _, args := range commands {
		r := run(args...)
		name := "assay " + strings.Join(args, " ")
		if r.code != 0 {
			t.Errorf("%s: exit %d, stderr %q", name, r.code, r.errs)
			continue
		}
		if r.stdout != "" && !strings.HasSuffix(r.stdout, "\n") {
			t.Errorf("%s: stdout does not end in a newline: %q", name, r.stdout)
		}
		if r.errs != "" && !strings.HasSuffix(r.errs, "\n") {
			t.Errorf("%s: stderr does not end in a newline: %q", name, r.errs)
		}
	}
}

// A personal portfolio with nothing in it (a fresh machine, no database
// yet), and the history of an assessment filtered to nothing.
func TestEmptyListsEndInANewline(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	t.Run("no database", func(t *testing.T) {
		env := envWithout(procEnv(dir, ""), "ASSAY_DB")
		checkEndsInNewline(t, func(args ...string) procResult { return runProc(bin, env, args...) }, emptyListCommands)
	})
	t.Run("nothing listed", func(t *testing.T) {
		env := procEnv(dir, filepath.Join(dir, "assay.db"))
		run := func(args ...string) procResult { return runProc(bin, env, args...) }
		if r := run("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"); r.code != 0 {
			t.Fatalf("assay new: exit %d, %s", r.code, r.errs)
		}
		// The history of an assessment with nothing that matches.
		checkEndsInNewline(t, run, [][]string{
			{"history", "1", "--by", "Nobody At All"},
			{"history", "1", "--by", "Nobody At All", "--json"},
			{"history", "1", "--question", "attestation"},
		})
	})
}

// A team portfolio with nothing in it, read by an analyst.
func TestEmptyTeamListsEndInANewline(t *testing.T) {
	s := newTeamServer(t)
	analyst := s.person("emptylists", "analyst")
	checkEndsInNewline(t, analyst.run, emptyListCommands)
}
