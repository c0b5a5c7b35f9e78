package store

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Roles are a team login's roles, never nil, and nil for a person's own
// file (everything allowed): the workspace relies on the difference to
// offer only what the server will take. (A login with no role at all
// cannot open the team's schema.)
func TestRolesTellATeamLoginFromAFile(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	for _, c := range []struct {
		login string
		roles []string
	}{{"roles-approver", []string{"approver"}}, {"roles-auditor", []string{"auditor"}}} {
		db, err := OpenTeam(teamLogin(t, schema, c.login, c.roles...), questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		got := db.Roles()
		db.Close()
		if got == nil || !slices.Equal(got, c.roles) {
			t.Errorf("%s: Roles() = %#v, want %v, not nil", c.login, got, c.roles)
		}
	}
	file := openAt(t, tempPath(t))
	if onPostgres(t) {
		return
	}
	if r := file.Roles(); r != nil {
		t.Errorf("a file's Roles() = %#v, want nil", r)
	}
}
