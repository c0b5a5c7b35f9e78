package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/testfixture"
)

// A revision imported without the approved assessment it revises brings
// explanations it carried from that assessment which nothing here vouches
// for: they stand for nothing, and the reviewer found the disagreement
// unexplained with no word of why. assay import now names each one (the
// check, who wrote it and when, the text), says why it does not stand, and
// how to give it again (store's
// TestImportedRevisionSaysWhichCarriedExplanationsDidNotComeAcross checks
// the list on both stores).
func TestImportedRevisionNamesTheExplanationsThatDidNotComeAcross(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	writeFile(t, dir, "checked.yaml", testfixture.ComparedNoneSource())
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "checked", "-s", "Loan model", "--date", "2026-03-01"))
	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  bias: \"yes\"\n  groups: none\n"))
	s.ok("--reviewer", "Ana Analyst", "explain", id, "compared-none", "Groups were compared one by one.")
	s.ok("review", id, "--submit")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve")
	rev := strings.TrimSpace(s.ok("revise", id))
	file := writeFile(t, t.TempDir(), "revision.json", s.ok("export", rev))

	other := newTrustingSession(t, s)
	out := other.ok("import", file)
	want := "it revises assessment " + s.uuidOf(id) + ", which is not here as an approved assessment without a revision: imported without that link\n" +
		"so the explanation it carried from that assessment explains nothing here: compared-none (explained by Ana Analyst on "
	if !strings.Contains(out, want) || !strings.Contains(out, ": Groups were compared one by one.)\nIf it still holds, explain it again: assay explain 1 compared-none TEXT\n") {
		t.Errorf("importing the revision alone:\n%s\nwant %q", out, want)
	}
	if score := other.ok("score", "1"); strings.Contains(score, "Explained by Ana Analyst") {
		t.Errorf("the carried explanation stands in the revision imported alone:\n%s", score)
	}

	// Approved where it was made, it can no longer be explained here.
	s.ok("review", rev, "--submit")
	s.ok("--reviewer", "Rui Reviewer", "review", rev, "--approve")
	approved := writeFile(t, t.TempDir(), "approved.json", s.ok("export", rev))
	out = newTrustingSession(t, s).ok("import", approved)
	if !strings.Contains(out, "explains nothing here: compared-none (explained by Ana Analyst on ") ||
		!strings.Contains(out, "\nThe assessment is approved: its report shows that disagreement unexplained.\n") {
		t.Errorf("importing the approved revision alone:\n%s", out)
	}
}
