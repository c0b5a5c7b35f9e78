package tui_test

import (
	"strings"
	"testing"
)

// A newcomer who presses a on the home screen sees the assessment go: the
// workspace says it was archived and how to bring it back, and a list
// left empty by archiving says that its assessments are archived, not
// that there are none yet.
func TestArchivingSaysHowToBringItBack(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("1 of 1", "Acme Cloud Ltd")
	f.press("a")
	f.waitGone("Acme Cloud Ltd")
	f.waitFor("#1 archived: A shows archived assessments, and a restores one",
		"No assessments shown: every one is archived.")
	if strings.Contains(f.screen(), "No assessments yet") {
		t.Errorf("a portfolio of archived assessments reads as empty:\n%s", f.screen())
	}
	f.press("A")
	f.waitFor("archived shown", "Acme Cloud Ltd")
	f.press("a")
	f.waitFor("#1 restored")
	f.quit()
}
