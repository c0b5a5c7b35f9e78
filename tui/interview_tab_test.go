package tui_test

import (
	"testing"
)

// Tab and shift+tab move between the text fields of a question, saving
// the one left. Each of those saves must reach the store, and so must
// every answer after them: once, a Tab dropped the save it had started
// while the queue still counted it as running, and from then on nothing
// was written and quitting hung.
func TestTabBetweenFieldsKeepsSaving(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("n")
	f.waitFor("Note: >")
	f.typeText("Checked in the IdP console")
	f.press("tab") // saves the note, moves to the evidence
	f.waitFor("Evidence: >", "Note: Checked in the IdP console")
	f.typeText("policy.pdf")
	f.press("shift+tab") // saves the evidence, back to the note
	f.waitFor("Note: >", "Evidence: policy.pdf")
	f.press("esc")
	f.waitFor("enter answer")
	f.waitGone("saving…")
	f.press("1")
	f.waitFor("Where is the service hosted?", "saved ✓")
	f.press("2")
	f.waitFor("standard contractual clauses", "saved ✓")
	f.quit()

	e.reopen()
	got := e.load(a.ID)
	mfa := got.Answers["mfa"]
	if mfa.Note != "Checked in the IdP console" || len(mfa.Evidence) != 1 || mfa.Evidence[0] != "policy.pdf" ||
		len(mfa.Value.Choices) != 1 || mfa.Value.Choices[0] != "yes" {
		t.Errorf("mfa stored as %+v; want yes, the note and policy.pdf", mfa)
	}
	if c := got.Answers["hosting"].Value.Choices; len(c) != 1 || c[0] != "us" {
		t.Errorf("hosting stored as %v; want [us]", c)
	}
}
