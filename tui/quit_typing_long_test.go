package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/tui"
)

// ctrl+c in the middle of a long note printed the whole note to the
// terminal as the workspace left, as one line (and a hostile or pasted
// text with it). The notice is short now: what the text was for and how
// long it was; the text itself is given whole to cmd/assay (Model.Long
// Untyped), which keeps it in a file and says where.
func TestCtrlCWithALongNoteSaysItShortlyAndKeepsItWhole(t *testing.T) {
	e := newEnv(t)
	f, _ := e.interviewOn("all-types.yaml", "Payroll system")
	f.press("n")
	f.waitFor("Note: >")
	long := strings.Repeat("retest Friday ", 12) + "END" // 171 characters
	f.typeText(long)
	f.waitFor("END")
	f.press("ctrl+c")
	m := f.tm.FinalModel(t, teatest.WithFinalTimeout(screenWait)).(screenSpy).Model.(tui.Model)
	lost := m.Unsaved()
	want := "the note being typed to question mfa (171 characters): quit before enter gave it"
	if len(lost) != 1 || !strings.Contains(lost[0], want) || strings.Contains(lost[0], "retest") {
		t.Errorf("after ctrl+c in a long note, the workspace says %q; want one short line saying %s", lost, want)
	}
	kept := m.LongUntyped()
	if len(kept) != 1 || kept[0].Text != long || !strings.Contains(kept[0].About, "the note being typed to question mfa") {
		t.Errorf("the long note is not given whole to be kept: %+v", kept)
	}
}
