package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/store"
)

// Team mode: an owner takes the analyst role from a login whose
// workspace is open (it keeps the auditor role). Its next change is
// refused by the server, which says so; the change after that must be
// refused before it shows, as for any login without the role. Before,
// the workspace went on believing the role was held: each s on the plan
// showed a status the server then refused (in-progress, then done), and
// said the server's refusal again, until the workspace was restarted.
func TestTeamARoleRevokedWhileOpenIsReadAgainAtTheServersRefusal(t *testing.T) {
	te := newTeamEnv(t)
	bo := te.person("revoked bo", "analyst", "auditor")
	te.teamPayroll(bo)
	f := te.workspace(bo)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	if _, err := store.TeamRevoke(context.Background(), te.su, te.adminSigns, bo.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.press("s")
	f.waitFor("not saved: a change to plan item pentest: login " + bo.login + " may not")
	// The roles are read again in the background; the footer stops
	// offering the key once they are in, and only then does the next
	// press meet the workspace's own refusal rather than the server's.
	f.waitGone("next status")
	f.press("s")
	f.waitFor("not saved: your login "+bo.login+" has the role auditor", "plans are changed by an analyst")
	f.quit()
}
