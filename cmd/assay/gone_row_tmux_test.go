package main

import (
	"strings"
	"testing"
)

// A row gone from under the cursor, driven on the built binary in tmux:
// another assay changes the database while the workspace shows the row
// selected; once the workspace reads again, it says which row went and
// where the cursor moved, holds the first enter (which would act on a
// row the person had not seen selected) saying why, and acts on the
// second. The tui's tests show each screen's rule; these show that the
// program a person runs reads another process's change and says it.

// TestHomeRowArchivedByAnotherWindowIsSaidInTmux: a second workspace
// archives the assessment selected in the first; ctrl+r reads the list.
func TestHomeRowArchivedByAnotherWindowIsSaidInTmux(t *testing.T) {
	w := newWorkspace(t)
	for _, s := range []string{"Acme Cloud", "Beta Cloud", "Cobalt Cloud"} {
		w.cli("new", "-q", "vendor-security-screen", "-s", s)
	}
	p := w.open(80, 24)
	p.waitText("3 of 3")
	p.keys("s")
	p.waitText("sorted by subject")
	selectRow(p, "Beta Cloud")

	other := w.open(80, 24)
	other.waitText("3 of 3")
	other.keys("s")
	other.waitText("sorted by subject")
	selectRow(other, "Beta Cloud")
	other.keys("a")
	other.waitSays("#2 archived")
	other.quit()

	p.keys("C-r")
	// The other window is the same person's: the note names them as
	// such, with the time the trail records (read after the list).
	p.waitSays("2 of 2", "#2 Beta Cloud, which was selected, is no longer listed (archived by you in another window at ",
		"; A shows archived ones): the cursor moved to #3 Cobalt Cloud.")
	if line := cursorLine(p.screen()); !strings.Contains(line, "Cobalt Cloud") {
		t.Fatalf("the cursor is on %q; want Cobalt Cloud, the row after the one gone", line)
	}
	p.keys("Enter")
	p.waitSays("enter did nothing: #2 Beta Cloud, which was selected, is no longer listed",
		"press enter again to act on #3 Cobalt Cloud, now selected.")
	if s := p.screen(); strings.Contains(s, "[Interview]") {
		t.Fatalf("the first enter opened an interview:\n%s", s)
	}
	p.keys("Enter")
	p.waitText("[Interview]", "Cobalt Cloud")
	p.quit()
}

// TestPlanItemAnsweredByAnotherCommandIsSaidInTmux: assay answer, run
// while the plan shows, answers the selected item's question yes; the
// workspace follows the database's changes and reads the assessment.
func TestPlanItemAnsweredByAnotherCommandIsSaidInTmux(t *testing.T) {
	w, id := twoFindings(t)
	p := w.open(80, 24)
	p.waitText("Acme Cloud Ltd")
	p.keys("p")
	p.waitText("[Plan]", "attestation", "mfa")
	if line := cursorLine(p.screen()); !strings.Contains(line, "attestation") {
		t.Fatalf("the plan's cursor is on %q; want attestation", line)
	}
	w.cli("answer", id, "-f", w.file("yes.yaml", "answers:\n  attestation: \"yes\"\n"))
	p.waitSays("1 item", "Plan item attestation, which was selected, is no longer in the plan (its answer changed): the cursor moved to mfa.")
	p.keys("Enter")
	p.waitSays("enter did nothing: plan item attestation, which was selected, is no longer in the plan (its answer changed);",
		"press enter again to act on mfa, now selected.")
	p.keys("Enter")
	p.waitSays("mfa · Is multi-factor authentication")
	p.keys("Escape")
	p.waitFor("the form to close", func(s string) bool { return !strings.Contains(s, "esc cancel") })
	p.quit()
}

// TestReviewFindingAnsweredByAnotherCommandIsSaidInTmux: the same on the
// review's Findings pane, whose enter opens the finding's question.
func TestReviewFindingAnsweredByAnotherCommandIsSaidInTmux(t *testing.T) {
	w, id := twoFindings(t)
	p := findingsOnAttestation(w)
	w.cli("answer", id, "-f", w.file("yes.yaml", "answers:\n  attestation: \"yes\"\n"))
	p.waitSays("Finding attestation, which was selected, is no longer a finding (its answer changed): the cursor moved to mfa.")
	p.waitText("Question: mfa ·")
	p.keys("Enter")
	p.waitSays("enter did nothing: finding attestation, which was selected, is no longer a finding (its answer changed);",
		"press enter again to act on mfa, now selected.")
	p.keys("Enter")
	p.waitText("[Interview]", "Is multi-factor authentication")
	p.quit()
}

// The finding the review's cursor was on is taken away by another
// command while the person is in the interview the review opened on it:
// esc brings them back to the review with the cursor on another finding,
// which they did not choose, and the review says so. It was followed
// quietly, as if their own answer there had taken it away.
func TestReviewFindingAnsweredElsewhereWhileInTheInterviewIsSaidInTmux(t *testing.T) {
	w, id := twoFindings(t)
	p := findingsOnAttestation(w)
	p.keys("Enter")
	p.waitText("[Interview]", "independent attestation")
	w.cli("answer", id, "-f", w.file("yes.yaml", "answers:\n  attestation: \"yes\"\n"))
	p.waitFor("the other command's answer said", func(s string) bool {
		return strings.Contains(flat(s), "attestation in another window") ||
			strings.Contains(flat(s), "changed elsewhere: attestation") || strings.Contains(flat(s), "changed attestation")
	})
	p.keys("Escape")
	p.waitText("[Findings]")
	p.waitSays("Finding attestation, which was selected, is no longer a finding (its answer changed): the cursor moved to mfa.")
	p.quit()
}

// twoFindings is a workspace with Acme Cloud Ltd's vendor screen, its
// attestation and mfa questions answered no: two findings, two plan
// items, attestation first.
func twoFindings(t *testing.T) (*workspace, string) {
	t.Helper()
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	w.cli("answer", id, "-f", w.file("no.yaml", "answers:\n  attestation: \"no\"\n  mfa: \"no\"\n"))
	return w, id
}

// findingsOnAttestation opens twoFindings' workspace at 80x24 on the
// review's Findings pane, its cursor on the first finding, attestation.
func findingsOnAttestation(w *workspace) *tmuxPane {
	w.t.Helper()
	p := w.open(80, 24)
	p.waitText("Acme Cloud Ltd")
	p.keys("r")
	p.waitText("[Scores]")
	p.keys("l", "l", "l")
	p.waitText("[Findings]", "Question: attestation ·")
	return p
}

// selectRow moves the home list's cursor down to the row naming subject.
func selectRow(p *tmuxPane, subject string) {
	p.t.Helper()
	for range 10 {
		if strings.Contains(cursorLine(p.screen()), subject) {
			return
		}
		was := p.screen()
		p.keys("k")
		p.waitFor("the cursor to move", func(s string) bool { return s != was })
	}
	p.t.Fatalf("no row of %s came under the cursor:\n%s", subject, p.screen())
}
