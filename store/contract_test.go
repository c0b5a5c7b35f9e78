package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/questionnaires"
)

// The contract suite: the tests of what the store promises (assessments,
// answers, plans, subjects, governance, the audit trail and verify, export
// and import, lists) run against both stores. A test of the contract is
// written once, as a function of *testing.T, and registered with
// contract(t, fn), which runs it as the subtests sqlite and postgres. The
// helpers it opens its database with (testDB, openAt) give it a SQLite
// file or a team schema on the test server accordingly.
//
// On the server one handle acts as each person the test names (pgDialect
// actAs): every write runs as that person's login, with the roles
// testPeople gives it, so the server's own checks (the login names every
// record, roles, four-eyes, locks) apply to every write of the suite.
// The tests of several processes and several real logins are team_test.go
// and cmd/assay's.

// contract runs fn against SQLite, then PostgreSQL.
func contract(t *testing.T, fn func(t *testing.T)) {
	t.Helper()
	t.Run("sqlite", fn)
	t.Run("postgres", func(t *testing.T) {
		requirePostgres(t)
		fn(t)
	})
}

// onPostgres reports whether t (or the test it belongs to) is the
// PostgreSQL half of a contract test.
func onPostgres(t testing.TB) bool {
	return slices.Contains(strings.Split(t.Name(), "/")[1:], "postgres")
}

// testPeople are the logins the suite's tests act as, and their roles.
// Everyone answers and signs off; the owner brings in history written
// elsewhere (import). Logins belong to the server, and cmd/assay's tests
// run at the same time on the same server, migrating portfolios written
// by Dana Reyes and Rui Costa into team schemas of their own: a login of
// either name holding a team role there is one assay never granted, and
// verify rightly names it, so none is made here.
var testPeople = map[string][]string{
	"Ana Analyst": {"analyst", "approver"}, "ana analyst": {"analyst", "approver"}, "Ana": {"analyst", "approver"},
	"Bo": {"analyst", "approver"}, "Rui Reviewer": {"analyst", "approver"}, "Rui Castro": {"analyst", "approver"},
	"Someone Else": {"analyst", "approver"}, "Dee Pio": {"analyst", "approver"}, "Dana Ruiz": {"analyst", "approver"},
	"worker 0": {"analyst"}, "worker 1": {"analyst"}, "worker 2": {"analyst"}, "worker 3": {"analyst"},
	"Import": {"analyst", "approver"}, "Vendor file": {"analyst"}, "Rui": {"analyst", "approver"}, "Kim Keeper": {"analyst"},
	"Iris Importer": {"owner", "analyst", "approver"}, "x": {"auditor"},
}

var testPeopleOnce sync.Once

// openTeamAs opens the team schema schemaDSN names as its superuser,
// acting as each person a write's context names.
func openTeamAs(t testing.TB, schemaDSN string) *DB {
	t.Helper()
	testPeopleOnce.Do(func() {
		for name, roles := range testPeople {
			sharedLogin(t, schemaDSN, name, roles...)
		}
	})
	// The people were made for the first schema; each schema records
	// the roles they hold, as the owner's assay team grant would.
	people := make([]string, 0, len(testPeople))
	for name := range testPeople {
		people = append(people, name)
	}
	recordTestGrants(t, schemaDSN, people...)
	db, err := OpenTeam(schemaDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.dialect.(*pgDialect).actAs = true
	db.login = ""
	return db
}

// schemas maps a test's database paths to the team schemas that stand in
// for them on the server.
var schemas sync.Map

// openAt opens the database at path: on SQLite the file, on the server a
// team schema of its own for that path (made on first use, so that
// opening the same path again opens the same portfolio). The handle signs
// with testKey on the file, with each login's own key on the server
// (useTestKeys); the clock is the caller's to set.
func openAt(t testing.TB, path string) *DB {
	t.Helper()
	if !onPostgres(t) {
		db, err := Open(path, questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		db.UseKey(testKey)
		return db
	}
	key := t.Name() + "\x00" + path
	dsn, ok := schemas.Load(key)
	if !ok {
		dsn, _ = schemas.LoadOrStore(key, teamSchema(t))
		t.Cleanup(func() { schemas.Delete(key) })
	}
	return useTestKeys(openTeamAs(t, dsn.(string)))
}

// fixedClock sets db's clock.
func fixedClock(db *DB, at time.Time) *DB {
	db.Now = func() time.Time { return at }
	return db
}

// tempPath is a database path in the test's own folder.
func tempPath(t testing.TB) string { return filepath.Join(t.TempDir(), "assay.db") }

var _ = context.Background
