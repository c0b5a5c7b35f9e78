package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/store"
)

// Team mode: an owner revokes every team role of a login whose home
// list is open; enter on a row then says the login no longer sees the
// team's portfolio. The owner grants the role again, and the watcher,
// following the server again, has the list read. Before, the line saying
// the portfolio is not seen stayed over the list read until a key was
// pressed; now it goes as the list is read, and the roles read again say
// which one came back.
func TestTeamTheRevokedBannerGoesOnceTheRoleIsBack(t *testing.T) {
	te := newTeamEnv(t)
	ed := te.person("back ed", "analyst")
	te.teamPayroll(ed)
	f := te.workspace(ed)
	f.waitFor("Payroll system")
	ctx := context.Background()
	if _, err := store.TeamRevoke(ctx, te.su, te.adminSigns, ed.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.waitFor("no longer read the portfolio")
	f.press("enter")
	f.waitFor("could not open", "no longer sees the team's portfolio")
	if _, err := store.TeamGrant(ctx, te.su, te.adminSigns, ed.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.waitFor("your login " + ed.login + " now has the role analyst")
	if s := f.screen(); strings.Contains(s, "no longer sees") {
		t.Errorf("the line saying the portfolio is not seen stayed once it was read again:\n%s", s)
	}
	f.quit()
}

// While the login holds no role, A asks for the archived assessments
// too and the read is refused: the header said "archived shown" over
// the list read before, which holds none of them. It now says they are
// not shown, and once the role is back and the list is read again, the
// archived one is listed and the header says so.
func TestTeamArchivedShownIsSaidOnlyOfAListThatHoldsThem(t *testing.T) {
	te := newTeamEnv(t)
	flo := te.person("back flo", "analyst")
	te.teamPayroll(flo)
	old := te.teamPayroll(flo)
	ctx := context.Background()
	if err := flo.db.SetArchived(ctx, old.ID, true); err != nil {
		t.Fatal(err)
	}
	f := te.workspace(flo)
	f.waitFor("1 of 1 · sorted by most recent")
	if _, err := store.TeamRevoke(ctx, te.su, te.adminSigns, flo.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.waitFor("no longer read the portfolio")
	f.press("A")
	f.waitFor("no longer sees the team's portfolio", "1 of 1 · sorted by most recent · archived not shown: the list was not read again")
	if s := f.screen(); strings.Contains(s, "archived shown") {
		t.Errorf("the header says archived shown of a list without them:\n%s", s)
	}
	if _, err := store.TeamGrant(ctx, te.su, te.adminSigns, flo.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.waitFor("2 of 2 · sorted by most recent · archived shown")
	f.quit()
}
