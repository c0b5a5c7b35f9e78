package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Another window, with its own handle on the same database, answers
// questions while the workspace is open. The home screen shows them after
// ctrl+r, and after leaving an assessment; an assessment opened again
// resumes after them; the workspace's own answers and the other window's
// all end up in the database.
func TestWorkspaceSeesAnotherWindowsAnswers(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	answer := func(ids ...string) {
		t.Helper()
		for _, id := range ids {
			choice := "yes"
			if id == "data-sensitivity" {
				choice = "personal"
			}
			other.answer(a.ID, id, choice, "")
		}
	}

	f := e.start()
	f.waitFor("Acme Cloud Ltd", "0/33")
	answer("data-sensitivity", "attestation", "policy")
	f.tm.Send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	f.waitFor("sorted by", "3/33")

	// Opened now, the interview resumes after the other window's answers.
	f.press("enter")
	f.waitFor("question 4 of 33", "3/33")
	f.press("3")
	f.waitFor("question 5 of 33", "4/33", "saved ✓")

	// While the interview is open, the other window answers further on;
	// leaving for the home screen reloads the list.
	answer("confidentiality")
	f.press("esc")
	f.waitFor("sorted by", "Acme Cloud Ltd", "5/33")
	f.press("enter")
	f.waitFor("question 6 of 33", "5/33")
	f.quit()

	got := e.load(a.ID)
	for _, id := range []string{"data-sensitivity", "attestation", "policy", "personnel", "confidentiality"} {
		if !got.Answers[id].Answered() {
			t.Errorf("%s is not in the database", id)
		}
	}
	if len(got.Answers) != 5 {
		t.Errorf("%d answers in the database; want 5", len(got.Answers))
	}
}
