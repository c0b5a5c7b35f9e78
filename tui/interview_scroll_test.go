package tui_test

import (
	"strings"
	"testing"
)

// On a terminal too short for a question and all its options, the option
// the cursor is on is always on screen, with the line saying which
// question this is, and a line saying what is cut above or below. It used
// to be cut off: at 60x14 the cursor walked off the bottom of the screen.
func TestTheCursorsOptionStaysOnAShortTerminal(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("ten-options.yaml", "Data store")
	f := e.startSized(e.deps(), 60, 14)
	f.waitFor("Data store")
	f.press("enter")
	f.waitFor("question 1 of 2", "▸ 1. ( ) Region one", "more lines below")
	if s := f.screen(); strings.Contains(s, "more lines above") {
		t.Errorf("the top of the question is said to be cut although it shows:\n%s", s)
	}
	for range 9 {
		f.press("down")
	}
	f.waitFor("question 1 of 2", "▸ 0. ( ) Region ten", "more lines above")
	if s := f.screen(); strings.Contains(s, "Region one") {
		t.Errorf("the window did not move with the cursor:\n%s", s)
	}
	f.press("enter")
	f.waitFor("question 2 of 2")
	f.quit()
	if c := e.load(a.ID).Answers["region"].Value.Choices; len(c) != 1 || c[0] != "r10" {
		t.Errorf("region stored as %v, want r10 (the option the cursor was seen on)", c)
	}
}
