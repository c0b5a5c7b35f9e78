package tui_test

import (
	"strings"
	"testing"
)

// ctrl+c quits at once, even in the middle of a typed answer or a note.
// What was being typed had not been given, so it is not stored; but it
// is not dropped without a word either: the analyst on a call is told,
// after the screen is gone, what they typed and to which question, so
// that they can give it again.
func TestCtrlCWhileTypingSaysWhatWasNotGiven(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string // from question 1 (mfa) to the field, open
		typed,
		want string
	}{
		{"answer", []string{"]", "right", "1"}, "25", `the answer being typed to question records: "125"`},
		{"note", []string{"n"}, "retest report Friday", `the note being typed to question mfa: "retest report Friday"`},
		{"evidence", []string{"e"}, "soc2.pdf", `the evidence being typed to question mfa: "soc2.pdf"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			f, a := e.interviewOn("all-types.yaml", "Payroll system")
			f.press(tc.keys...)
			f.typeText(tc.typed)
			f.waitFor(tc.typed)
			f.press("ctrl+c")
			lost := unsaved(t, f)
			if len(lost) != 1 || !strings.Contains(lost[0], tc.want) || !strings.Contains(lost[0], "Payroll system") {
				t.Errorf("after ctrl+c while typing, the workspace says %q; want one line naming the assessment and %s", lost, tc.want)
			}
			e.reopen()
			if got := e.load(a.ID).Answers; len(got) != 0 {
				t.Errorf("ctrl+c stored %v; what was being typed was not given", got)
			}
		})
	}

	// Nothing typed, or the field left as it was: nothing to say.
	e := newEnv(t)
	f, _ := e.interviewOn("all-types.yaml", "Payroll system")
	f.press("n")
	f.waitFor("Note: >")
	f.press("ctrl+c")
	if lost := unsaved(t, f); len(lost) != 0 {
		t.Errorf("ctrl+c on an empty note says %q; want nothing", lost)
	}
}
