package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A change refused now (the assessment approved meanwhile by a
// colleague) is what the status line says, not an earlier write's
// failure: that one is counted beside it. Before, the older failure
// stood alone on the line, and the refusal of the change just made was
// not said at all.
func TestARefusalNowIsShownBeforeAnEarlierFailure(t *testing.T) {
	e, a := payrollAnswered(t)
	other := e.otherWindow()
	if _, err := other.db.Review(assess.WithActor(context.Background(), "ana"), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	f, repo := e.watchingWithFaultyRepo()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8")
	repo.mode.Store(writeFails)
	f.press("2")
	f.waitFor("not saved: the answer to mfa: disk I/O error")
	repo.mode.Store(writeNormally)
	if _, err := other.db.Review(assess.WithActor(context.Background(), "Ada Approver"), a.ID, assess.ActApprove, testToday, "fine"); err != nil {
		t.Fatal(err)
	}
	f.waitFor("approved, locked")
	f.press("left")
	f.waitFor("question 1 of 8")
	f.press("3")
	f.waitFor("not saved: #1 is approved and locked")
	if s := f.screen(); !strings.Contains(s, "(and 1") {
		t.Errorf("the earlier failure is not counted beside the refusal:\n%s", s)
	}
	f.quit()
}
