package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// vendorWithGaps is a vendor security screen answered "no" (or the
// worst option) everywhere: more plan items and controls than a screen
// of 24 lines shows.
func vendorWithGaps(t *testing.T) (*env, *assess.Assessment) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Gappy Vendor Ltd")
	var answers []assess.Answer
	for _, q := range a.Questionnaire.Questions {
		switch q.Type {
		case assess.TypeControl:
			answers = append(answers, assess.Answer{QuestionID: q.ID, Value: assess.Value{Choices: []string{"no"}}})
		case assess.TypeSingle:
			answers = append(answers, assess.Answer{QuestionID: q.ID, Value: assess.Value{Choices: []string{q.Options[len(q.Options)-1].Value}}})
		}
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, answers); err != nil {
		t.Fatal(err)
	}
	return e, e.load(a.ID)
}

// shows says whether a line of screen holds id as a word of its own.
func shows(screen, id string) bool {
	for _, l := range strings.Split(screen, "\n") {
		for _, w := range strings.Fields(l) {
			if w == id {
				return true
			}
		}
	}
	return false
}

// cursorLine is the line of the screen the cursor ▸ is on.
func cursorLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "▸") {
			return l
		}
	}
	return ""
}

// G and g (end, home) reach the last and first item of the plan and of
// the review's coverage list, scrolling them; the report scrolls to its
// end and back. (The home screen's are in home_paging_test.go, the
// comparison's in diff_test.go.)
func TestListsJumpToEitherEnd(t *testing.T) {
	e, a := vendorWithGaps(t)
	today := testToday
	plan := assess.Evaluate(a, today).Plan
	if len(plan) <= 12 { // the plan shows 12 rows at 24 lines
		t.Fatalf("only %d plan items: the test needs more than a screen", len(plan))
	}
	first, last := plan[0].Finding.QuestionID, plan[len(plan)-1].Finding.QuestionID
	f := e.start()
	f.waitFor("Gappy Vendor Ltd")
	f.press("p")
	f.waitFor("items ·", first)
	f.press("G")
	f.waitFor("Action:")
	f.waitUntil("G to put the cursor on the last item "+last, func(s string) bool { return shows(cursorLine(s), last) })
	if shows(f.screen(), first) {
		t.Errorf("the plan did not scroll to its end:\n%s", f.screen())
	}
	f.press("g")
	f.waitUntil("g to put the cursor on the first item "+first, func(s string) bool { return shows(cursorLine(s), first) })

	f.press("tab") // the report
	f.waitFor("Committee report preview", "Executive summary")
	f.press("end")
	f.waitFor("100%")
	f.press("home")
	f.waitFor("  0%")

	cov := assess.Coverage(a.Questionnaire, assess.Evaluate(a, today).Result, questionnaires.Catalog(), assess.Frameworks[0])
	if len(cov) <= 18 {
		t.Fatalf("only %d controls: the test needs more than the 18 rows shown", len(cov))
	}
	f.press("tab", "tab") // the interview, then the review
	f.waitFor("[Scores]")
	// One pane at a time, each waited for: right pressed on a rhythm
	// could go past the coverage pane on a loaded machine.
	for tries := 0; !strings.Contains(f.screen(), "[Coverage]"); tries++ {
		if tries > 10 {
			t.Fatalf("no coverage pane:\n%s", f.screen())
		}
		before := activePane(f.screen())
		f.press("right")
		f.waitUntil("right to show the pane after "+before, func(s string) bool { return activePane(s) != before })
	}
	f.waitFor("▸ " + cov[0].Control.ID)
	f.press("G")
	f.waitFor("▸ " + cov[len(cov)-1].Control.ID)
	f.press("pgup", "g")
	f.waitFor("▸ " + cov[0].Control.ID)
	f.quit()
}

// The plan items a risk's measures rely on are a list like any other: G
// and g reach its last and first item.
func TestPlanItemPickerJumpsToEitherEnd(t *testing.T) {
	e := screensEnv(t)
	f := e.start()
	f.waitFor("4 of 4")
	f.press("/")
	f.typeText("Payroll")
	f.press("enter")
	f.waitFor("2 of 4")
	f.press("enter")
	f.waitFor("[Interview]")
	f.press("]", "]")
	f.waitFor("The data leaks through an attack")
	f.press("down", "down", "down", "down", "down", "enter")
	f.waitFor("Plan items the measures rely on", "1 of 2 ·")
	f.press("G")
	f.waitFor("▸ [x] hosting", "2 of 2 ·")
	f.press("g")
	f.waitFor("▸ [x] transfer-safeg", "1 of 2 ·")
	f.press("esc")
	f.waitGone("Plan items the measures rely on")
	f.quit()
}

// activePane is the Review's pane shown, as its tabs mark it ("[Scores]").
func activePane(screen string) string {
	for _, name := range []string{"Scores", "Why", "Risks", "Coverage", "Findings", "Recommended"} {
		if strings.Contains(screen, "["+name+"]") {
			return name
		}
	}
	return ""
}
