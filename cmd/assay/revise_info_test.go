package main

import "testing"

// assay revise prints the new ID alone on stdout, for scripts
// (rev=$(assay revise 3)), and says what it made on stderr as
// information: with the "assay:" prefix errors carry, it read like one.
func TestReviseSaysWhatItMadeAsInformation(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-03")
	code, out, errOut := s.run("", "revise", id)
	if code != 0 || out != "2\n" {
		t.Fatalf("revise: exit %d, stdout %q; want 0 and the ID alone", code, out)
	}
	if want := "Assessment 2 is revision 2 of approved assessment 1, which stays as it was.\n"; errOut != want {
		t.Errorf("revise said %q on stderr, want %q", errOut, want)
	}
}
