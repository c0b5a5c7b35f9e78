package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// alt+d (delete word forward; alt+delete and ctrl+delete too) with the
// cursor on a field's last character leaves the field as it was: the
// text input of bubbles v2.2.1 indexes past the value there and panics
// (charmbracelet/bubbles#1056, open), and the workspace ended with it.
// The monkey test found it, rounds 18 and 19, seeds 1804 and 1923.
func TestDeleteWordForwardOnTheLastCharacter(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("/")
	f.typeText("acme")
	f.waitFor("1 of 1")
	for _, k := range []tea.KeyPressMsg{
		{Code: 'd', Mod: tea.ModAlt},
		{Code: tea.KeyDelete, Mod: tea.ModAlt},
		{Code: tea.KeyDelete, Mod: tea.ModCtrl},
	} {
		f.press("left")
		f.tm.Send(k)
	}
	f.press("end")
	f.typeText("x")
	f.waitFor("acmex")
	f.press("enter")
	f.quit()
}
