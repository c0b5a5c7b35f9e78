package tui_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql's "pgx", for the superuser's statements

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// The workspace's team tests run against the PostgreSQL server
// $ASSAY_TEST_POSTGRES names (.ci/pg-start starts one), as the store's
// and the command line's do: each test sets up a team schema of its own
// in the database assay_tui_test with assay team init (store.TeamInit),
// and logins whose names no other test uses, each with a password and a
// signing key of its own. Without a server they skip, saying so; with
// ASSAY_REQUIRE_POSTGRES=1 (CI) they fail.

const tuiTeamDatabase = "assay_tui_test"

var tuiTeamDBOnce struct {
	sync.Once
	err error
}

// teamEnv is one test's team schema: the superuser's connection string
// to it, and the library the workspace offers.
type teamEnv struct {
	t   *testing.T
	su  string
	raw *sql.DB
	lib *questionnaires.Library
	// adminKey signs the records of the grants the superuser makes;
	// every person trusts it, as a team trusts its administrator's.
	adminKey *ledger.PrivateKey
}

func newTeamEnv(t *testing.T) *teamEnv {
	t.Helper()
	base := pgtest.Require(t)
	tuiTeamDBOnce.Do(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			tuiTeamDBOnce.err = err
			return
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, tuiTeamDatabase).Scan(&n); err != nil {
			tuiTeamDBOnce.err = err
			return
		}
		if n == 0 {
			if _, err := db.Exec(`CREATE DATABASE ` + tuiTeamDatabase); err != nil && !strings.Contains(err.Error(), "already exists") {
				tuiTeamDBOnce.err = err
			}
		}
	})
	if tuiTeamDBOnce.err != nil {
		t.Fatal(tuiTeamDBOnce.err)
	}
	schema := "w_" + randomHex(6)
	te := &teamEnv{t: t, su: pgtest.WithParams(t, base, tuiTeamDatabase, map[string]string{"search_path": schema})}
	raw, err := sql.Open("pgx", te.su)
	if err != nil {
		t.Fatal(err)
	}
	te.raw = raw
	t.Cleanup(func() {
		// The people the schema's ledger names must be this package's
		// own logins or declared as people no test makes a login of
		// (internal/pgtest/people.go): the store's and cmd/assay's tests
		// make logins on this server at the same time.
		if err := pgtest.CheckActors(raw); err != nil {
			t.Error(err)
		}
		_, _ = raw.Exec(`DROP SCHEMA IF EXISTS ` + pgx.Identifier{schema}.Sanitize() + ` CASCADE`)
		raw.Close()
	})
	if te.adminKey, err = ledger.GenerateKey(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.TeamInit(context.Background(), te.su, te.adminSigns); err != nil {
		t.Fatalf("assay team init: %v", err)
	}
	// Marked as this run's, so that a sweep drops it should the run be
	// killed before its cleanup (pgtest.DropStaleSchemas).
	if err := pgtest.MarkSchema(context.Background(), raw, schema); err != nil {
		t.Fatal(err)
	}
	if te.lib, err = questionnaires.Builtin(); err != nil {
		t.Fatal(err)
	}
	return te
}

// teamPerson is a login's own connection to the team database.
type teamPerson struct {
	login string
	db    *store.DB
	dsn   string // the login's connection string, password and all
	key   *ledger.PrivateKey
	te    *teamEnv
}

// person creates a login named name and a few random letters, with a
// password, holding roles, and opens the team database as it.
func (te *teamEnv) person(name string, roles ...string) *teamPerson {
	te.t.Helper()
	login := name + "-" + randomHex(3)
	password := "pw-" + randomHex(8) + "-Zq"
	if _, err := te.raw.Exec(`CREATE ROLE ` + pgx.Identifier{login}.Sanitize() + ` LOGIN PASSWORD '` + password + `'`); err != nil {
		te.t.Fatal(err)
	}
	pgtest.MadeLogin(login)
	if err := pgtest.MarkLogin(context.Background(), te.raw, login); err != nil {
		te.t.Fatal(err)
	}
	te.t.Cleanup(func() {
		if _, err := te.raw.Exec(`DROP ROLE IF EXISTS ` + pgx.Identifier{login}.Sanitize()); err != nil {
			te.t.Errorf("dropping the test login %s: %v", login, err)
		}
	})
	if _, err := store.TeamGrant(context.Background(), te.su, te.adminSigns, login, roles); err != nil {
		te.t.Fatal(err)
	}
	key, err := ledger.GenerateKey()
	if err != nil {
		te.t.Fatal(err)
	}
	p := &teamPerson{login: login, dsn: pgtest.WithParams(te.t, te.su, "", map[string]string{"user": login, "password": password}), key: key, te: te}
	p.db = p.open(p.dsn)
	return p
}

// open opens the team database as p at dsn (p's own, or a relay's to
// it), signing with p's key.
func (p *teamPerson) open(dsn string) *store.DB {
	te := p.te
	te.t.Helper()
	db, err := store.OpenTeam(dsn, questionnaires.Decode)
	if err != nil {
		te.t.Fatal(err)
	}
	te.t.Cleanup(func() { db.Close() })
	db.UseKey(p.key)
	db.SetTrust(func() (*ledger.Keyring, error) {
		ring := &ledger.Keyring{}
		ring.Add(ledger.Trusted{Key: p.key.Public(), Name: p.login, Own: true})
		ring.Add(ledger.Trusted{Key: te.adminKey.Public(), Name: "the administrator"})
		return ring, nil
	})
	return db
}

// adminSigns is the superuser's key, which signs the records of grants.
func (te *teamEnv) adminSigns() (*ledger.PrivateKey, error) { return te.adminKey, nil }

// workspace opens the workspace at 80x24 as p, following the others'
// changes, with today's date: the server dates sign-offs by its clock.
func (te *teamEnv) workspace(p *teamPerson) *flow {
	te.t.Helper()
	w, err := p.db.Watch(context.Background())
	if err != nil {
		te.t.Fatal(err)
	}
	te.t.Cleanup(func() { w.Close() })
	d := te.deps(p)
	d.Changes = w
	e := &env{t: te.t, lib: te.lib, dir: te.t.TempDir()}
	return e.startWith(d)
}

// deps are p's workspace and accessible mode, not following changes.
func (te *teamEnv) deps(p *teamPerson) tui.Deps {
	return tui.Deps{
		Repo:             p.db,
		Governance:       p.db,
		Pin:              p.db.Pin,
		PinnedAssessment: p.db.PinnedPlanStamps,
		Questionnaires:   te.lib.All(),
		Catalog:          questionnaires.Catalog(),
		Today:            func() assess.Date { return assess.DateOf(time.Now()) },
		Actor:            p.login,
		Login:            p.login,
		Roles:            p.db.Roles(),
		ReadRoles:        p.db.ReadRoles,
		ExportDir:        te.t.TempDir(),
		History:          p.db.AuditHistory,
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
