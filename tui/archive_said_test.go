package tui_test

import (
	"context"
	"database/sql"
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

// a on a row whose archive flag was set to 7 with sqlite3 after the list
// was read: the store took it as archived already and did nothing, and
// the workspace said "#1 archived", hiding the tampering. The store
// refuses it, and the workspace says so in the store's words: the flag
// set outside assay, how to put it right and assay verify.
func TestArchivingARowWhoseFlagWasSetOutsideAssaySaysSo(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("1 of 1", "Acme Cloud Ltd")
	raw, err := sql.Open("sqlite", e.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE assessments SET archived = 7 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	f.press("a")
	f.waitFor("set outside assay")
	saysInTheWorkspace(t, f.screen(), "assessment 1's archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay")
	saysInTheWorkspace(t, f.screen(), "assay verify names every such assessment")
	if s := f.screen(); strings.Contains(s, "#1 archived") {
		t.Errorf("the row whose flag was set outside assay is said archived:\n%s", s)
	}
	f.quit()
	if got := e.load(1).Archive; got != 7 {
		t.Errorf("the flag is %d after the refusal, want 7 as it was set", got)
	}
}
