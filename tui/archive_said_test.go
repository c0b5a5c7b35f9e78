package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A newcomer who presses a on the home screen sees the assessment go: the
// workspace says it was archived and how to bring it back, and a list
// left empty by archiving says that its assessments are archived, not
// that there are none yet.
func TestArchivingSaysHowToBringItBack(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("1 of 1", "Acme Cloud Ltd")
	f.press("a")
	f.waitGone("Acme Cloud Ltd")
	f.waitFor("#1 archived: A shows archived assessments, and a restores one",
		"No assessments shown: every one is archived.")
	if strings.Contains(f.screen(), "No assessments yet") {
		t.Errorf("a portfolio of archived assessments reads as empty:\n%s", f.screen())
	}
	f.press("A")
	f.waitFor("archived shown", "Acme Cloud Ltd")
	f.press("a")
	f.waitFor("#1 restored")
	f.quit()
}

// a on an approved assessment archived the committee's signed decision,
// which then left the list. It is refused, saying why and the key that
// changes it instead, and the row stays.
func TestArchivingAnApprovalIsRefusedSayingWhy(t *testing.T) {
	e, a := payrollAnswered(t)
	for _, act := range []assess.Action{assess.ActSubmit, assess.ActApprove} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), "Ana Analyst"), a.ID, act, testToday, ""); err != nil {
			t.Fatal(err)
		}
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("a")
	f.waitFor("cannot archive assessment 1")
	saysInTheWorkspace(t, f.screen(), "cannot archive assessment 1: it is approved, the committee's signed decision, and stays listed; to change it, start a revision: S on the review starts a revision")
	if !strings.Contains(f.screen(), "Payroll system") {
		t.Errorf("the approved row left the list:\n%s", f.screen())
	}
	f.quit()
	if e.load(a.ID).Archive.Archived() {
		t.Error("the approved assessment was archived")
	}
}
