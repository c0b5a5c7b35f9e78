package tui

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// ctrl+e in a multi-line field of a form (the sign-off's comment, a plan
// item's action) handed the terminal to $EDITOR, or nano, with what was
// typed written to a file in the temporary folder any local user could
// read; what came back was taken whole, past the paste checks. An analyst
// on a call presses ctrl+e for the end of the line, as it is everywhere
// else in the workspace: that is what it does now, and no program runs.
func TestCtrlEInAFormsTextFieldGoesToTheLineEnd(t *testing.T) {
	t.Run("sign-off comment", func(t *testing.T) {
		s, init := newSignOff(typeAheadShell(t, typeAheadPayroll(t)))
		for _, msg := range messagesOf(init) {
			s, _ = s.Update(msg)
		}
		s, _ = s.Update(keyOf("enter")) // to the comment
		so := s.(*signOff)
		typeAhead(s, "checked")
		endsAfterCtrlE(t, s, func() string { return so.comment }, "checked")
	})
	t.Run("plan item action", func(t *testing.T) {
		p := newPlan(typeAheadShell(t, typeAheadPayroll(t)))
		s, _ := p.Update(keyOf("enter"))
		for range 4 {
			s, _ = s.Update(tea.KeyPressMsg{Code: tea.KeyTab})
		}
		before := p.edit.action
		endsAfterCtrlE(t, s, func() string { return p.edit.action }, before)
	})
}

// endsAfterCtrlE presses home (the line's start), ctrl+e, then types X
// into the field value reads, which holds was: X goes at its end.
func endsAfterCtrlE(t *testing.T, s screen, value func() string, was string) {
	t.Helper()
	s, _ = s.Update(tea.KeyPressMsg{Code: tea.KeyHome})
	s, cmd := s.Update(tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl})
	for _, msg := range everyMessageOf(cmd) {
		if reflect.TypeOf(msg).Name() == "execMsg" {
			t.Errorf("ctrl+e runs a program (%T)", msg)
		}
	}
	typeAhead(s, "X")
	if got := value(); got != was+"X" {
		t.Errorf("ctrl+e then X made %q of %q; want %q", got, was, was+"X")
	}
}
