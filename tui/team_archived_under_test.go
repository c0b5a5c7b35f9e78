package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Team mode, two logins: a colleague archives the assessment open in
// dana's interview while she types a note to the first question. Before,
// the workspace said nothing until her save was refused, and never who
// archived it or when. Now the read of the colleague's change says it
// at once, with the login and the time the audit trail records, what
// she can still do, and that the note typed is not saved.
func TestTeamAColleagueArchivingTheOpenAssessmentIsSaidAtOnce(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("arch dana", "analyst")
	sam := te.person("arch sam", "analyst", "owner")
	a := te.teamPayroll(dana)
	f := te.workspace(dana)
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8")
	f.press("n")
	f.typeText("checked with HR")
	if err := sam.db.SetArchived(context.Background(), a.ID, true); err != nil {
		t.Fatal(err)
	}
	when := archivedAtOnTrail(t, sam, a.ID)
	f.waitFor("#1 was archived by "+sam.login+" at "+when, "read and exported as it stands",
		"A, then a on it, on the home screen", "not saved: the note being typed to mfa")
	if s := f.screen(); !strings.Contains(s, "checked with HR") {
		t.Fatalf("the note being typed went from the screen:\n%s", s)
	}
	// Its save is refused naming who archived it, and nothing is recorded.
	f.press("enter")
	f.waitFor("not saved: #1 was archived by " + sam.login)
	f.press("esc")
	f.quit()
	stored, err := dana.db.Assessment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Answers["mfa"].Note; got != "Seen in the IdP console" {
		t.Errorf("mfa's note is %q after the archive, want it as it was", got)
	}
}

// The same on a file, where the only colleague is this person in
// another window: the workspace, following the file's changes, says
// the archiving is theirs, from the other window, and that the answer
// being chosen on the open question is not saved.
func TestAnotherWindowArchivingTheOpenAssessmentIsSaidAsYours(t *testing.T) {
	e := newEnv(t)
	a, _ := e.acmeAnsweredElsewhere()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	f.press("down")
	ctx := assess.WithActor(context.Background(), "Dana Reyes")
	if err := e.otherWindow().db.SetArchived(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	f.waitFor("#1 was archived by you in another window at", "read and exported as it stands",
		"not saved: the answer being given to attestation")
	f.press("enter")
	f.waitFor("not saved: #1 was archived by you in another window")
	f.quit()
	if got := e.load(a.ID).Answers; len(got) != 1 {
		t.Errorf("answers stored after the archive: %v, want only data-sensitivity's", got)
	}
}

// On the home screen, the row under the cursor goes as a colleague
// archives it: the note that it went says who archived it and when, as
// the audit trail records it. Before, it said "archived elsewhere".
func TestTeamARowArchivedByAColleagueSaysWho(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("gone dana", "analyst")
	sam := te.person("gone sam", "analyst")
	a := te.teamPayroll(dana)
	f := te.workspace(dana)
	f.waitFor("▸ 1  Payroll system")
	if err := sam.db.SetArchived(context.Background(), a.ID, true); err != nil {
		t.Fatal(err)
	}
	when := archivedAtOnTrail(t, sam, a.ID)
	f.waitFor("#1 Payroll system, which was selected, is no longer listed (archived by " + sam.login +
		" at " + when + "; A shows archived ones)")
	f.quit()
}

// archivedAtOnTrail is when the trail records assessment id's archiving
// by p, its last record, as the workspace shows a time.
func archivedAtOnTrail(t *testing.T, p *teamPerson, id int64) string {
	t.Helper()
	events, err := p.db.Events(context.Background(), id)
	if err != nil || len(events) == 0 || events[len(events)-1].Kind != "archive" {
		t.Fatalf("the trail's last record is not the archiving: %v", err)
	}
	at, err := time.Parse(time.RFC3339Nano, events[len(events)-1].At)
	if err != nil {
		t.Fatal(err)
	}
	return at.Local().Format("15:04 on 2 Jan 2006")
}
