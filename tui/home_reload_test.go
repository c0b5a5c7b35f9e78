package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Archiving the only assessment shown leaves an empty list, not a
// crash: the list read again was looked up with the places of the list
// before it (the monkey test found it, seed 13).
func TestArchivingTheOnlyAssessmentShown(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("1 of 1", "Acme Cloud Ltd")
	f.press("a")
	f.waitGone("Acme Cloud Ltd")
	f.press("A")
	f.waitFor("archived shown", "Acme Cloud Ltd")
	f.quit()
}

// The cursor stays on the assessment it was on when the list is read
// again with one more in it: enter then opens the one the person chose,
// not the one that took its place in the list.
func TestCursorKeepsItsAssessmentWhenTheListGrows(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Zenith Payroll")
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("2 of 2")
	f.press("s") // by subject: Acme, Zenith
	f.waitFor("sorted by subject", "▸ 2  Acme Cloud Ltd")
	f.press("down")
	f.waitFor("▸ 1  Zenith Payroll")
	e.create("vendor-security-screen", "Beta Bank") // as another window would
	f.tm.Send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	f.waitFor("3 of 3", "Beta Bank")
	if s := f.screen(); !strings.Contains(s, "▸ 1  Zenith Payroll") {
		t.Errorf("the cursor left Zenith Payroll when the list was read again:\n%s", s)
	}
	f.quit()
}
