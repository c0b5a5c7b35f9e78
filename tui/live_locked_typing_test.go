package tui_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An answer being typed when a colleague approves the assessment (the
// workspace reads it again, locked) cannot be saved: enter leaves the
// field open on its question with what was typed and says why, as a
// refused choice does, instead of closing it, moving on and dropping the
// text with nothing said on the question.
func TestAnAnswerTypedWhileTheAssessmentIsApprovedStaysWithWhy(t *testing.T) {
	e, a := payrollAnswered(t)
	other := e.otherWindow()
	if _, err := other.db.Review(assess.WithActor(context.Background(), "ana"), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	f := e.watching()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]")
	// One question at a time, each waited for: keys sent on a rhythm
	// went past question 7, or not as far, on a loaded machine.
	f.waitFor("question ")
	for n := questionShown(t, f.screen()); n < 7; n++ {
		f.press("right")
		f.waitFor(fmt.Sprintf("question %d of 8", n+1))
	}
	f.waitFor("question 7 of 8", "Paying staff")
	f.press("enter")
	f.typeText(" for 300 staff")
	f.waitFor("Paying staff for 300 staff")
	if _, err := other.db.Review(assess.WithActor(context.Background(), "Ada Approver"), a.ID, assess.ActApprove, testToday, "fine"); err != nil {
		t.Fatal(err)
	}
	f.waitFor("approved, locked")
	f.press("enter")
	f.waitFor("is approved and locked")
	if s := f.screen(); !strings.Contains(s, "question 7 of 8") || !strings.Contains(s, "Paying staff for 300 staff") {
		t.Errorf("the refused answer left its question or lost what was typed:\n%s", s)
	}
	if got := e.load(a.ID).Answers["purpose"].Value.Text; got != "Paying staff" {
		t.Errorf("the approved assessment's answer is %q", got)
	}
	f.press("esc")
	f.quit()
}

// questionShown is the number of the question the interview shows
// ("question 3 of 8").
func questionShown(t *testing.T, screen string) int {
	t.Helper()
	m := regexp.MustCompile(`question (\d+) of`).FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no question number on the screen:\n%s", screen)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
