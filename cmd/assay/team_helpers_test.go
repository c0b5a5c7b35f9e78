package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql's "pgx", for the tests' raw SQL

	"github.com/assay-dev/assay/internal/pgtest"
)

// The team tests run the assay binary as several people, each a login of
// its own with a password, against the server $ASSAY_TEST_POSTGRES names
// (a superuser's connection string: .ci/pg-start starts a throwaway
// one). Each test sets up a team schema of its own in the database
// assay_cmd_test with assay team init, and logins whose names no other
// test uses, so tests run side by side on one server. Without a server
// they skip, saying so; with ASSAY_REQUIRE_POSTGRES=1 (CI) they fail.

const teamTestDatabase = "assay_cmd_test"

func requireTeamServer(t *testing.T) string {
	t.Helper()
	return pgtest.Require(t)
}

var teamDBOnce struct {
	sync.Once
	err error
}

// teamServer is one test's team database: its schema, the superuser's
// connection string to it, and the built assay.
type teamServer struct {
	t      *testing.T
	bin    string
	su     string // the superuser's connection string to the test's schema
	schema string
	raw    *sql.DB // the superuser's own connection to the schema
	// adminDir is the superuser's folder (config, signing key): its key
	// signs the records of the grants it makes, and every person the
	// test makes trusts it (adminKey), as a team's members trust the key
	// of the administrator who grants their roles.
	adminDir string
	adminKey string
}

// newTeamServer sets up a team schema of the test's own with assay team
// init, run as the superuser, and drops it when the test ends.
func newTeamServer(t *testing.T) *teamServer {
	t.Helper()
	base := requireTeamServer(t)
	bin := assayBinary(t)
	teamDBOnce.Do(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			teamDBOnce.err = err
			return
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, teamTestDatabase).Scan(&n); err != nil {
			teamDBOnce.err = err
			return
		}
		if n == 0 {
			if _, err := db.Exec(`CREATE DATABASE ` + teamTestDatabase); err != nil && !strings.Contains(err.Error(), "already exists") {
				teamDBOnce.err = err
			}
		}
	})
	if teamDBOnce.err != nil {
		t.Fatal(teamDBOnce.err)
	}
	schema := "c_" + randomHex(6)
	s := &teamServer{t: t, bin: bin, schema: schema,
		su: pgtest.WithParams(t, base, teamTestDatabase, map[string]string{"search_path": schema})}
	raw, err := sql.Open("pgx", s.su)
	if err != nil {
		t.Fatal(err)
	}
	s.raw = raw
	t.Cleanup(func() {
		// The people the schema's ledger names must be this package's
		// own logins or declared as people no test makes a login of
		// (internal/pgtest/people.go): the store's and tui's tests make
		// logins on this server at the same time.
		if err := pgtest.CheckActors(raw); err != nil {
			t.Error(err)
		}
		_, _ = raw.Exec(`DROP SCHEMA IF EXISTS ` + pgx.Identifier{schema}.Sanitize() + ` CASCADE`)
		raw.Close()
	})
	dir := t.TempDir()
	s.adminDir = dir
	r := runProc(bin, procEnv(dir, s.su), "team", "init")
	if r.code != 0 || !strings.Contains(r.stdout, "CREATE SCHEMA") || !strings.Contains(r.stdout, "\nBEGIN;\nSET LOCAL ROLE assay_owner;\n") ||
		!strings.Contains(r.stdout, "INSERT INTO schema_migrations (version, applied_at) VALUES ('001_team'") || !strings.HasSuffix(r.stdout, "\nCOMMIT;\n") {
		t.Fatalf("assay team init: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	// Marked as this run's, so that a sweep drops it should the run be
	// killed before its cleanup (pgtest.DropStaleSchemas).
	if err := pgtest.MarkSchema(context.Background(), raw, schema); err != nil {
		t.Fatal(err)
	}
	// Made on a file of its own, so that nothing of the test's set-up
	// touches the team database's ledger (assay key there registers
	// nothing until it holds a portfolio, and then registers the key).
	if s.adminKey = publicKey(runProc(bin, procEnv(dir, filepath.Join(dir, "key-only.db")), "key").stdout); s.adminKey == "" {
		t.Fatal("assay key as the superuser printed no public key")
	}
	return s
}

// admin runs assay as the superuser on the test's schema.
func (s *teamServer) admin(args ...string) procResult {
	s.t.Helper()
	return runProc(s.bin, procEnv(s.adminDir, s.su), args...)
}

// teamPerson is a login on the server and the folder (config, signing
// key, password file) of the person using it.
type teamPerson struct {
	s        *teamServer
	login    string
	password string
	dir      string
	dsn      string // the connection string, without a password
	env      []string
}

// person creates a login with a password of its own, grants it roles
// with assay team grant, and gives the person a password file: assay
// reads the password from PGPASSFILE, never from the command line.
func (s *teamServer) person(name string, roles ...string) *teamPerson {
	s.t.Helper()
	p := &teamPerson{s: s, login: name + "-" + randomHex(3), password: "pw-" + randomHex(8) + "-Zq", dir: s.t.TempDir()}
	ident := pgx.Identifier{p.login}.Sanitize()
	if _, err := s.raw.Exec(`CREATE ROLE ` + ident + ` LOGIN PASSWORD '` + p.password + `'`); err != nil {
		s.t.Fatal(err)
	}
	pgtest.MadeLogin(p.login)
	if err := pgtest.MarkLogin(context.Background(), s.raw, p.login); err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() {
		admin, err := sql.Open("pgx", requireTeamServer(s.t))
		if err == nil {
			_, err = admin.Exec(`DROP ROLE IF EXISTS ` + ident)
			admin.Close()
		}
		if err != nil {
			s.t.Errorf("dropping the test login %s: %v", p.login, err)
		}
	})
	if len(roles) > 0 {
		if r := s.admin(append([]string{"team", "grant", p.login}, roles...)...); r.code != 0 {
			s.t.Fatalf("assay team grant %s: exit %d: %s", p.login, r.code, r.errs)
		}
	}
	s.trustTheAdmin(p.dir)
	pass := filepath.Join(p.dir, "pgpass")
	if err := os.WriteFile(pass, []byte("*:*:*:"+p.login+":"+p.password+"\n"), 0o600); err != nil {
		s.t.Fatal(err)
	}
	p.dsn = pgtest.WithParams(s.t, s.su, "", map[string]string{"user": p.login})
	p.env = append(procEnv(p.dir, p.dsn), "PGPASSFILE="+pass)
	return p
}

// run runs assay as the person.
func (p *teamPerson) run(args ...string) procResult {
	p.s.t.Helper()
	return runProc(p.s.bin, p.env, args...)
}

// envTo is the person's environment with ASSAY_DB naming dsn instead:
// the same server through a relay, or with parameters of its own.
func (p *teamPerson) envTo(dsn string) []string {
	env := append([]string{}, p.env...)
	for i, kv := range env {
		if strings.HasPrefix(kv, "ASSAY_DB=") {
			env[i] = "ASSAY_DB=" + dsn
		}
	}
	return env
}

// ok runs assay as the person and fails the test unless it succeeds.
func (p *teamPerson) ok(args ...string) string {
	p.s.t.Helper()
	r := p.run(args...)
	if r.code != 0 {
		p.s.t.Fatalf("%s: assay %s: exit %d\n%s%s", p.login, strings.Join(args, " "), r.code, r.stdout, r.errs)
	}
	return r.stdout
}

// sql is the person's own connection to the server, for what a person
// could do with psql instead of assay.
func (p *teamPerson) sql() *sql.DB {
	p.s.t.Helper()
	db, err := sql.Open("pgx", pgtest.WithParams(p.s.t, p.dsn, "", map[string]string{"password": p.password}))
	if err != nil {
		p.s.t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	p.s.t.Cleanup(func() { db.Close() })
	return db
}

// trust makes p trust other's signing key, as assay key trust does.
func (p *teamPerson) trust(other *teamPerson) {
	p.s.t.Helper()
	p.ok("key", "trust", other.login, publicKey(other.ok("key")))
}

// publicKey is the public key in what assay key printed.
func publicKey(keyOutput string) string {
	for _, line := range strings.Split(keyOutput, "\n") {
		if v, ok := strings.CutPrefix(line, "Public key:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

var _ = context.Background

// openServer connects to the server as its superuser, for TestMain's
// check that the team tests dropped the logins they made.
func openServer(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }

// adminLogin is the superuser's login, which signs the records of the
// grants the test makes.
func (s *teamServer) adminLogin() string {
	s.t.Helper()
	var login string
	if err := s.raw.QueryRow(`SELECT session_user`).Scan(&login); err != nil {
		s.t.Fatal(err)
	}
	return login
}

// withoutSignatures is what assay team grant or revoke printed with each
// signed record's number, time, key, link, hash and signature written
// "…", and the ledger entry that records the record of grants (once the
// database holds a portfolio) written "INSERT INTO ledger …;": those
// differ at every run.
func withoutSignatures(printed string) string {
	return ledgerEntry.ReplaceAllString(signedArgs.ReplaceAllString(printed, ", …);"), "INSERT INTO ledger …;")
}

var ledgerEntry = regexp.MustCompile(`(?m)^INSERT INTO ledger \(.*\);$`)

var signedArgs = regexp.MustCompile(`, \d+, '[^']*', 'ed25519:[^']*', '[0-9a-f]*', '[0-9a-f]{64}', '[^']*'(, '[0-9a-f-]{36}')?\);`)

// trustTheAdmin makes the person whose folder is dir trust the key that
// signs the records of the grants, as assay key trust would write it.
func (s *teamServer) trustTheAdmin(dir string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "config", "assay"), 0o700); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config", "assay", "trusted-keys"), []byte(s.adminKey+" "+s.adminLogin()+"\n"), 0o600); err != nil {
		s.t.Fatal(err)
	}
}

// teamOwnerToMigrate starts a team server with its owner, and the
// environment of a process with no personal database of its own (its
// ASSAY_DB names a file never made) that reads the owner's password
// file: the start of every test of assay migrate --from and --to.
func teamOwnerToMigrate(t *testing.T) (*teamServer, *teamPerson, []string) {
	t.Helper()
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	dir := t.TempDir()
	return s, owner, withEnv(procEnv(dir, filepath.Join(dir, "unused.db")), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
}
