package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// errorBlock is the lines of the form's error on the screen: from the
// one holding first to the one holding last.
func errorBlock(t *testing.T, screen, first, last string) []string {
	t.Helper()
	ls := strings.Split(screen, "\n")
	for i, l := range ls {
		if !strings.Contains(l, first) {
			continue
		}
		for j := i; j < len(ls); j++ {
			if strings.Contains(ls[j], last) {
				return ls[i : j+1]
			}
		}
	}
	t.Fatalf("no error from %q to %q on the screen:\n%s", first, last, screen)
	return nil
}

// wrappedUnderItself reports what is wrong with an error's lines, if
// anything: the first starts " * ", and those after it are under its
// text, never at the edge.
func wrappedUnderItself(block []string) string {
	if !strings.HasPrefix(block[0], " * ") {
		return "the first line does not start \" * \": " + block[0]
	}
	for _, l := range block[1:] {
		if !strings.HasPrefix(l, "   ") || l[3] == ' ' {
			return "a line after the first is not indented under it: " + l
		}
	}
	return ""
}

// The new-assessment form's error kept its indent on its first line only
// (" * subject holds …"), its next lines at column 0; and the status the
// workspace opened with (the database it created) stayed under the form
// and its error, a status of before the form.
func TestTheNewAssessmentFormsErrorKeepsItsIndentAndNoEarlierStatus(t *testing.T) {
	e := newEnv(t)
	d := e.deps()
	d.Created = "Created a new database for this test."
	f := e.startSized(d, 80, 24)
	f.waitFor("No assessments yet", "Created a new database")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.pickQuestionnaire("Vendor security screen")
	f.tm.Send(tea.PasteMsg{Content: "Evil\u202eCorp"})
	f.press("enter")
	f.waitFor("U+202E", "plain text", "┃ Subject")
	s := f.screen()
	if problem := wrappedUnderItself(errorBlock(t, s, "* subject holds", "type the name again")); problem != "" {
		t.Errorf("%s\n%s", problem, s)
	}
	if strings.Contains(s, "Created a new database") {
		t.Errorf("a status from before the form is still shown under it:\n%s", s)
	}
	f.press("esc")
	f.waitFor("No assessments yet")
	f.quit()
}

// The plan's edit form said an owner's error the same way: its lines
// after the first at column 0.
func TestThePlanFormsErrorKeepsItsIndent(t *testing.T) {
	_, _, _, f := twoItemPlan(t, false)
	f.press("enter")
	f.waitFor("┃ Owner")
	f.tm.Send(tea.PasteMsg{Content: "Evil\u202eCorp"})
	f.press("enter")
	f.waitFor("U+202E", "plain text", "┃ Owner")
	s := f.screen()
	if problem := wrappedUnderItself(errorBlock(t, s, "* owner holds", "type the name again")); problem != "" {
		t.Errorf("%s\n%s", problem, s)
	}
	f.press("esc")
	f.quit()
}
