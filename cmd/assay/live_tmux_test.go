package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The workspace open in one terminal; another assay process, run by a
// colleague, records answers in the same database. The first window
// shows them with no key pressed: on the portfolio, then in the open
// interview, saying who changed what.
func TestWorkspaceShowsAnotherProcessesAnswers(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	pane := startTmux(t, bin, env)
	pane.waitText("Acme Cloud Ltd", "0/33")

	sam := withReviewer(env, "Sam Ortiz")
	answer := func(name, body string) {
		t.Helper()
		file := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(file, []byte("answers:\n"+body), 0o600); err != nil {
			t.Fatal(err)
		}
		if r := runProc(bin, sam, "answer", "1", "-f", file); r.code != 0 {
			t.Fatalf("Sam's answers: exit %d: %s", r.code, r.errs)
		}
	}
	answer("first", "  data-sensitivity: personal\n  attestation: \"yes\"\n  policy: \"yes\"\n")
	pane.waitText("Acme Cloud Ltd", "3/33")

	pane.keys("Enter")
	pane.waitText("question 4 of 33")
	answer("second", "  personnel: {answer: \"no\", note: \"no background checks\"}\n")
	// Question 4 is the one answered: it shows the answer and its note.
	pane.waitText("Sam Ortiz changed personnel", "4/33", "no background checks")
	pane.keys("q")
}
