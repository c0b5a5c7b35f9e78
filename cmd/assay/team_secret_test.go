package main

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"

	"github.com/jackc/pgx/v5"
)

// A password given in a connection string never appears in anything
// assay writes: not in a refusal, a failure to connect, a message about a
// missing database or schema, assay team's statements, a migration's
// error, nor the audit trail and ledger of the changes it made. Given on
// the command line it draws a warning.
func TestPasswordNeverShown(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	aud := s.person("aud", "auditor")
	// Passwords with characters a URL must escape, and one a key=value
	// string must quote.
	secret := "S3cr@t:/pw%21?'x"
	for _, p := range []*teamPerson{ana, aud} {
		if _, err := s.raw.Exec(`ALTER ROLE ` + pgx.Identifier{p.login}.Sanitize() + ` PASSWORD '` + strings.ReplaceAll(secret, "'", "''") + `'`); err != nil {
			t.Fatal(err)
		}
	}
	urlWith := func(p *teamPerson, pw string, params map[string]string) string {
		u, err := url.Parse(pgtest.WithParams(t, p.dsn, "", params))
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(p.login, pw)
		return u.String()
	}
	host := ""
	if u, err := url.Parse(ana.dsn); err == nil {
		host = u.Query().Get("host")
	}
	keyValue := "host=" + host + " port=" + mustQuery(t, ana.dsn, "port") + " dbname=" + teamTestDatabase +
		" user=" + ana.login + ` password='` + strings.ReplaceAll(secret, "'", `\'`) + `' search_path=` + s.schema
	good := urlWith(ana, secret, nil)
	env := ana.env
	personal := filepath.Join(t.TempDir(), "x.db") // the file migrate --to copies must be there
	makeDatabase(t, personal)
	ana.ok("--db", good, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	ana.ok("--db", good, "answer", "1", "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))

	type attempt struct {
		args   []string
		env    []string
		ok     bool
		saying string // what the message must say instead
	}
	attempts := []attempt{
		{args: []string{"--db", good, "plan", "1", "--item", "mfa", "--owner", "IT"}, ok: true},
		{args: []string{"--db", urlWith(ana, secret+"-wrong", nil), "list"}, saying: "refused login " + ana.login},
		{args: []string{"--db", urlWith(ana, secret, map[string]string{"search_path": "nosuch"}), "list"}, saying: "holds no assay team portfolio"},
		{args: []string{"--db", strings.Replace(good, "/"+teamTestDatabase, "/nosuchdb", 1), "list"}, saying: "nosuchdb"},
		{args: []string{"--db", "postgres://" + url.UserPassword(ana.login, secret).String() + "@127.0.0.1:1/x?sslmode=disable&connect_timeout=3", "list"}, saying: "cannot reach"},
		{args: []string{"--db", "postgres://" + ana.login + ":" + secret + "@[bad/db", "list"}},
		{args: []string{"--db", urlWith(aud, secret, nil), "plan", "1", "--item", "mfa", "--owner", "Auditor"}, saying: "may not"},
		{args: []string{"--db", urlWith(aud, secret, nil), "team", "grant", aud.login, "owner"}},
		{args: []string{"--db", urlWith(ana, secret, nil), "--reviewer", "someone", "list"}, saying: "is refused"},
		{args: []string{"--db", keyValue, "answer", "1", "-f", "/nonexistent.yaml"}},
		{args: []string{"--db", keyValue, "plan", "1", "--item", "mfa", "--owner", "Security"}, ok: true},
		{args: []string{"migrate", "--to", urlWith(ana, secret, nil)}, env: withEnv(env, "ASSAY_DB", personal), saying: "owner role"},
		{args: []string{"list"}, env: withEnv(env, "ASSAY_DB", urlWith(ana, secret+"-wrong", nil)), saying: "refused login"},
		// PGPASSWORD, as libpq reads it; and wrong, refused without showing it.
		{args: []string{"list"}, env: withEnv(withEnv(env, "PGPASSFILE", "/nonexistent"), "PGPASSWORD", secret), ok: true, saying: "Acme Cloud Ltd"},
		{args: []string{"list"}, env: withEnv(withEnv(env, "PGPASSFILE", "/nonexistent"), "PGPASSWORD", secret+"-wrong"), saying: "refused login"},
	}
	for _, a := range attempts {
		e := env
		if a.env != nil {
			e = a.env
		}
		r := runProc(s.bin, e, a.args...)
		all := r.stdout + r.errs
		label := "assay " + strings.Join(a.args[len(a.args)-min(len(a.args), 4):], " ") // the end: no connection string
		if (r.code == 0) != a.ok {
			t.Errorf("%s: exit %d\n%s", label, r.code, all)
		}
		if a.saying != "" && !strings.Contains(all, a.saying) {
			t.Errorf("%s says %q, want %q", label, all, a.saying)
		}
		if leaks(all, secret) {
			t.Errorf("%s shows the password:\n%s", label, all)
		}
		onCommandLine := a.args[0] == "--db" || a.args[0] == "migrate"
		if warned := strings.Contains(r.errs, "holds a password"); warned != onCommandLine {
			t.Errorf("%s: warned about the password on the command line: %v, want %v\n%s", label, warned, onCommandLine, r.errs)
		}
	}
	// The trail and the ledger the successful commands wrote.
	var dump string
	if err := s.raw.QueryRow(`SELECT string_agg(t::text, ' ') FROM (
		SELECT e::text AS t FROM events e UNION ALL SELECT l::text FROM ledger l UNION ALL SELECT p::text FROM plan_edits p
		UNION ALL SELECT a::text FROM assessments a) x`).Scan(&dump); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dump, "Security") || !strings.Contains(dump, ana.login) {
		t.Fatalf("the trail lacks the changes made: %.300s", dump)
	}
	if leaks(dump, secret) {
		t.Error("the audit trail or ledger holds the password")
	}
}

// leaks reports whether text holds the password, as given or as a URL
// escapes it.
func leaks(text, secret string) bool {
	return strings.Contains(text, secret) || strings.Contains(text, url.QueryEscape(secret)) ||
		strings.Contains(text, url.PathEscape(secret)) || strings.Contains(text, url.UserPassword("u", secret).String()[2:]) ||
		strings.Contains(text, "S3cr@t")
}

func mustQuery(t *testing.T, dsn, key string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get(key)
}
