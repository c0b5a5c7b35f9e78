package pgtest

import (
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// go test ./... runs the store's, cmd/assay's and tui's tests at the same
// time against one server, and logins and roles belong to the server, not
// to a test's schema. A team schema's verify names a login that has acted
// in it (its name is in a genesis or key entry of the ledger) and holds a
// team role assay did not record granting there. cmd/assay's tests
// migrate personal portfolios into team schemas, and the ledger they
// bring names the people who wrote them ("Dana Reyes"); should another
// package's tests make a login of that name and grant it a role in SQL
// while such a schema is verified, verify rightly says the role was
// "granted outside assay", and a test fails that did nothing wrong. It
// failed CI once, when the store's contract tests had a login "Dana Reyes".
//
// So the names of people a test writes into a team schema that are not
// its own logins are declared here, and no test may make a login of one
// of them. Both halves are checked, by name, whatever the timing: a
// package's TestMain (CheckLogins) fails the run when one of its tests
// made a login named as one of PortfolioPeople, and CheckActors fails a
// test whose team schema's ledger names a person that is neither one of
// its package's own logins nor declared here.

// PortfolioPeople are the people, not logins, whom tests' portfolios
// bring into team schemas: the reviewers of the personal portfolios
// cmd/assay's tests migrate there (its procEnv's ASSAY_REVIEWER,
// --reviewer, the signers of store/testdata's dumps, with the soft hyphen
// an older assay kept in a name).
var PortfolioPeople = []string{
	"Dana Reyes", "Rui Costa",
	"Dana\u00adReyes", "Rui\u00adCosta",
}

// reservedMade are the logins tests made with a name of PortfolioPeople.
var reservedMade []string

// noteReservedMade notes name when it is one of PortfolioPeople; made is
// held.
func noteReservedMade(name string) {
	if slices.Contains(PortfolioPeople, name) && !slices.Contains(reservedMade, name) {
		reservedMade = append(reservedMade, name)
	}
}

// Reserved says why a test may not make a login named name, or nil.
// Helpers that make logins call it first, to fail before the login is
// made; MadeLogin notes the same for CheckLogins.
func Reserved(name string) error {
	if !slices.Contains(PortfolioPeople, name) {
		return nil
	}
	return fmt.Errorf("a login named %q may not be made on the shared test server: cmd/assay's tests write that name into team schemas "+
		"as the reviewer of a migrated portfolio (pgtest.PortfolioPeople), and a login of that name holding a team role, "+
		"made by a test of any package running at the same time, is one their verify rightly calls granted outside assay", name)
}

// reservedError is CheckLogins' word on the reserved names made.
func reservedError() error {
	made.Lock()
	names := slices.Clone(reservedMade)
	made.Unlock()
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	return fmt.Errorf("the tests made logins named as people of pgtest.PortfolioPeople (%q): %v", names, Reserved(names[0]))
}

// CheckActors says which people the ledger of the team schema q is
// connected to names (genesis and key entries: those verify compares
// with the team roles held) that are neither logins this package's tests
// made (MadeLogin), nor superusers (whom verify does not name), nor
// declared in PortfolioPeople. A test calls it on its team schema before
// dropping it; a name it reports could be made a login, and granted a
// role, by another package's tests at the same time.
func CheckActors(q *sql.DB) error {
	var hasLedger bool
	if err := q.QueryRow(`SELECT to_regclass('ledger') IS NOT NULL`).Scan(&hasLedger); err != nil || !hasLedger {
		return err // a schema team init never finished has no one in it
	}
	rows, err := q.Query(`SELECT DISTINCT l.note::jsonb ->> 'name' FROM ledger l
		WHERE l.kind IN ('genesis', 'key') AND NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = l.note::jsonb ->> 'name' AND r.rolsuper)`)
	if err != nil {
		return fmt.Errorf("reading the people the team schema's ledger names: %w", err)
	}
	defer rows.Close()
	var undeclared []string
	for rows.Next() {
		var name sql.NullString
		if err := rows.Scan(&name); err != nil {
			return err
		}
		if !name.Valid || slices.Contains(PortfolioPeople, name.String) || madeHere(name.String) {
			continue
		}
		undeclared = append(undeclared, name.String)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(undeclared) == 0 {
		return nil
	}
	return fmt.Errorf("the team schema's ledger names %q as people, who are neither logins this package's tests made nor declared in "+
		"pgtest.PortfolioPeople: declare them there (internal/pgtest/people.go), so that no package's tests make a login of that name "+
		"(which this schema's verify, run while that login held a team role, would name as granted outside assay)",
		strings.Join(undeclared, `", "`))
}

// madeHere reports whether this package's tests made the login name.
func madeHere(name string) bool {
	made.Lock()
	defer made.Unlock()
	return made.names[name]
}
