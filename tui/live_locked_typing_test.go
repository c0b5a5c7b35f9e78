package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

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
	for i := 0; i < 12 && !strings.Contains(f.screen(), "question 7 of 8"); i++ {
		f.press("right")
		time.Sleep(100 * time.Millisecond)
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
