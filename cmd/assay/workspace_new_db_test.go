package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped $ASSAY_DB (or --db) opened the workspace on a new, empty
// portfolio, which reads as lost work, and took the session's changes
// into a file nobody opens again; README promises a mistyped name never
// shows as an empty portfolio. On a terminal the workspace now asks
// first: no, Enter alone and Ctrl-C each leave no file and no folder, and
// say why; yes opens the new portfolio.
func TestWorkspaceAsksBeforeCreatingANamedDatabase(t *testing.T) {
	bin := assayBinary(t)
	refused := "there is no database at %s: nothing was created; check the name given with $ASSAY_DB"
	for _, c := range []struct {
		name string
		keys []string
		said string // %s is the path
	}{
		{"no", []string{"n", "Enter"}, refused},
		{"Enter alone", []string{"Enter"}, refused},
		{"ctrl+c", []string{"C-c"}, "assay: interrupted"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			typo := filepath.Join(dir, "portfolo", "assay.db")
			p := startTmuxKept(t, bin, procEnv(dir, typo), 240, 24) // each path on one line
			p.waitText("There is no database at "+typo+" (named with $ASSAY_DB).",
				"Its folder "+filepath.Dir(typo)+" does not exist either: yes creates it.",
				"Create a new, empty portfolio there? [y/N]")
			p.keys(c.keys...)
			p.waitText(strings.ReplaceAll(c.said, "%s", typo))
			if _, err := os.Lstat(filepath.Dir(typo)); !os.IsNotExist(err) {
				t.Errorf("answering %s left %s behind (%v)", c.name, filepath.Dir(typo), err)
			}
		})
	}
	t.Run("yes", func(t *testing.T) {
		dir := t.TempDir()
		named := filepath.Join(dir, "assay-team-b.db") // in a folder that is there
		p := startTmuxKept(t, bin, procEnv(dir, named), 240, 24)
		p.waitText("There is no database at "+named+" (named with $ASSAY_DB).", "Create a new, empty portfolio there? [y/N]")
		if strings.Contains(p.screen(), "does not exist either") {
			t.Errorf("the question says a folder that is there is missing:\n%s", p.screen())
		}
		p.keys("y", "Enter")
		p.waitText("No assessments yet.", "Press n to start one")
		p.quit()
		if fi, err := os.Stat(named); err != nil || fi.Size() == 0 {
			t.Errorf("yes did not create the database at %s: %v", named, err)
		}
	})
}

// Without a terminal nobody can be asked: the workspace creates the named
// database as before, and says it made a new one rather than opening an
// empty portfolio without a word, once: it said so on standard error
// ("There was no database at …") and again in accessible mode's opening
// lines, twice over for a screen reader. Where the file is there, or
// nobody named it (the default place), it says nothing of the kind.
func TestWorkspaceWithoutTerminalSaysItCreatedTheNamedDatabase(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	named := filepath.Join(dir, "new.db")
	r := runProc(bin, procEnv(dir, named), "--accessible")
	want := "New, empty portfolio created at " + named + " (named with $ASSAY_DB)."
	both := strings.Join(strings.Fields(r.stdout+"\n"+r.errs), " ")
	if r.code != 0 || strings.Count(both, want) != 1 || strings.Contains(both, "There was no database") {
		t.Fatalf("assay --accessible on a named database that is not there: exit %d; want %q said once, and once only:\nstdout:\n%s\nstderr:\n%s",
			r.code, want, r.stdout, r.errs)
	}
	if _, err := os.Stat(named); err != nil {
		t.Fatalf("the database was not created: %v", err)
	}
	r = runProc(bin, procEnv(dir, named), "--accessible")
	if r.code != 0 || strings.Contains(r.errs+r.stdout, "There was no database") || strings.Contains(r.stdout, "New, empty portfolio") {
		t.Errorf("opening it again: exit %d, stderr %q, which should not say it was created", r.code, r.errs)
	}
}

// On a fresh machine, with neither --db nor $ASSAY_DB, the workspace
// creates the portfolio at the default place, and said nothing of it: a
// user who meant another file (a variable set in another shell) worked
// on for a session in a new one without knowing where it was. The first
// screen's status line says where the new portfolio is, and so does
// accessible mode before its first list; opened again, neither says it.
func TestWorkspaceSaysWhereItCreatedTheDefaultDatabase(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := envWithout(procEnv(dir, ""), "ASSAY_DB")
	place := filepath.Join(dir, "data", "assay", "assay.db")
	said := "New, empty portfolio created at " + place + " (the default place; --db or $ASSAY_DB names another)."
	r := runProc(bin, env, "--accessible")
	if r.code != 0 || !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), said) {
		t.Fatalf("assay --accessible on a fresh machine: exit %d; want %q in\n%s%s", r.code, said, r.stdout, r.errs)
	}
	r = runProc(bin, env, "--accessible")
	if r.code != 0 || strings.Contains(r.stdout, "New, empty portfolio") {
		t.Errorf("opening it again: exit %d, and it says it was created:\n%s", r.code, r.stdout)
	}

	fresh := t.TempDir()
	p := startTmuxKept(t, bin, envWithout(procEnv(fresh, ""), "ASSAY_DB"), 240, 24)
	p.waitText("No assessments yet.", "New, empty portfolio created at "+filepath.Join(fresh, "data", "assay", "assay.db")+" (the default place")
	p.quit()
}

// A named database in a folder that is not there, without a terminal to
// ask on (a script, a pipe, accessible mode fed a file), is refused
// rather than made, folders and all: ASSAY_DB=~/portfolo/assay.db
// created ~/portfolo without a word anyone could answer.
func TestWorkspaceWithoutTerminalMakesNoFolderForANamedDatabase(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	typo := filepath.Join(dir, "portfolo", "assay.db")
	r := runProc(bin, procEnv(dir, typo), "--accessible")
	want := "there is no database at " + typo + " (named with $ASSAY_DB), and its folder " + filepath.Dir(typo) +
		" does not exist: nothing was created; check the name, or make the folder first"
	if r.code == 0 || !strings.Contains(strings.Join(strings.Fields(r.errs), " "), want) {
		t.Errorf("assay --accessible with $ASSAY_DB in a missing folder: exit %d; want %q in\n%s", r.code, want, r.errs)
	}
	if _, err := os.Lstat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Errorf("the missing folder was made: %v", err)
	}
}
