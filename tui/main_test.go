package tui_test

import (
	"database/sql"
	"os"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// TestMain drops, before the tests, the logins and team schemas earlier
// runs killed before their cleanup left on the PostgreSQL server
// (pgtest.DropStaleLogins, pgtest.DropStaleSchemas), and checks, after them, that the team tests dropped every login they
// made (team_env_test.go).
func TestMain(m *testing.M) {
	open := func(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }
	pgtest.DropStaleLogins("tui", open)
	pgtest.DropStaleSchemas("tui", tuiTeamDatabase, open)
	code := m.Run()
	os.Exit(pgtest.CheckLogins("tui", code, open))
}
