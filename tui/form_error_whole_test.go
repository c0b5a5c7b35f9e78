package tui_test

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A refusal on the new-assessment form is read to its end: the form
// filled the screen's height, and its error, below it, lost its last
// line to the footer ("… a name is one line of" and no more), at every
// size where it takes two lines.
func TestTheNewAssessmentFormShowsItsWholeError(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			e := newEnv(t)
			f := e.startSized(e.deps(), size[0], size[1])
			f.waitFor("No assessments yet")
			f.press("n")
			f.waitFor("Questionnaire", "Subject")
			f.pickQuestionnaire("Vendor security screen")
			f.tm.Send(tea.PasteMsg{Content: "Evil\u202eCorp"})
			f.press("enter")
			f.waitFor("U+202E", "plain text", "┃ Subject")
			f.press("esc")
			f.waitFor("No assessments yet")
			f.quit()
		})
	}
}
