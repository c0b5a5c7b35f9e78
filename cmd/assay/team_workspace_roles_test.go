package main

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// The workspace on a team database can read the login's roles again
// (tui.Deps.ReadRoles, asked after a refusal for lack of one): a role an
// owner grants while it is open then counts without a restart.
func TestTeamWorkspaceReadsARoleGrantedWhileOpen(t *testing.T) {
	s := newTeamServer(t)
	bo := s.person("bo", "auditor")
	env := envMap(bo.env)
	a := &app{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{},
		getenv: func(k string) string { return env[k] },
		dbPath: pgtest.WithParams(t, bo.dsn, "", map[string]string{"password": bo.password})}
	deps, err := a.tuiDeps()
	if err != nil {
		t.Fatal(err)
	}
	defer a.db.Close()
	if strings.Join(deps.Roles, ",") != "auditor" || deps.ReadRoles == nil {
		t.Fatalf("roles %v, reads them again: %v", deps.Roles, deps.ReadRoles != nil)
	}
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 {
		t.Fatalf("team grant: exit %d: %s", r.code, r.errs)
	}
	roles, err := deps.ReadRoles(context.Background())
	if err != nil || strings.Join(roles, ",") != "analyst,auditor" {
		t.Errorf("roles read again: %v, %v; want analyst and auditor", roles, err)
	}
}
