package tui_test

import (
	"database/sql"
	"os"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// TestMain checks, after the tests, that the team tests dropped every
// login they made on the PostgreSQL server (team_env_test.go).
func TestMain(m *testing.M) {
	code := m.Run()
	os.Exit(pgtest.CheckLogins("tui", code, func(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }))
}
