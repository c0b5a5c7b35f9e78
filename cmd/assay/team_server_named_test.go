package main

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// A command whose team database fails it names the server as a person
// knows it, login@host:port/database, as the workspace's status line
// does: not the whole connection string, whose options (search_path,
// sslmode, application_name) are the setup's internals, nor a masked
// password. Lost at the commit, it printed
// "postgres:///assay_test?host=…&port=…&search_path=c_…&sslmode=disable&user=…";
// out of reach, it added pgx's words for the socket it dialled
// ("…/.s.PGSQL.5432 (…): dial error: dial unix …/.s.PGSQL.5432: connect:
// no such file or directory").
func TestTeamFailuresNameTheServerAsLoginHostDatabase(t *testing.T) {
	s, ana, id, no, relay := draftBehindRelay(t)
	named := serverNamed(t, relay.DSN)
	ana.ok("answer", id, "-f", no) // the plan item attestation is there
	plan := func(owner string) []string { return []string{"plan", id, "--item", "attestation", "--owner", owner} }

	for _, c := range []struct {
		name string
		cut  func()
		env  []string
		args []string
		says string
	}{
		{"lost at the commit", relay.CutAtCommit, ana.envTo(relay.DSN), plan("IT Ops"), "was lost as this change was being committed"},
		{"lost before the commit", relay.CutInsideWrite, ana.envTo(relay.DSN), plan("Security"), "nothing was recorded"},
		{"server down", relay.Down, ana.envTo(relay.DSN), []string{"list"}, "cannot reach the team database " + named},
		{"password refused", relay.Up, withEnv(ana.envTo(relay.DSN), "PGPASSFILE", "/nonexistent"), []string{"list"}, "refused login"},
		{"no portfolio in the schema", func() {}, ana.envTo(pgtest.WithParams(t, relay.DSN, "", map[string]string{"search_path": "nosuch"})), []string{"list"}, "no schema nosuch"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.cut()
			r := runProc(s.bin, c.env, c.args...)
			if r.code == 0 || !strings.Contains(r.errs, c.says) {
				t.Fatalf("assay %s: exit %d, want a failure saying %q:\n%s%s", strings.Join(c.args, " "), r.code, c.says, r.stdout, r.errs)
			}
			if !strings.Contains(r.errs, named) {
				t.Errorf("the failure does not name the server as %s:\n%s", named, r.errs)
			}
			for _, internal := range []string{"search_path", "sslmode=", "postgres://", "postgres:///", "host=", "xxxxx", ana.password, ".s.PGSQL", "dial error"} {
				if strings.Contains(r.stdout+r.errs, internal) {
					t.Errorf("the failure says %q:\n%s%s", internal, r.stdout, r.errs)
				}
			}
		})
	}
}

// draftBehindRelay is a team server whose analyst ana has a draft (id)
// and an answers file no (attestation: no) for it, and a relay to the
// server (ana.envTo(relay.DSN)) that the test cuts or takes down.
func draftBehindRelay(t *testing.T) (s *teamServer, ana *teamPerson, id, no string, relay *pgtest.Relay) {
	t.Helper()
	s = newTeamServer(t)
	ana = s.person("ana", "analyst")
	id = strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	relay = pgtest.NewRelay(t, ana.dsn)
	no = filepath.Join(ana.dir, "no.yaml")
	must(t, os.WriteFile(no, []byte("answers:\n  attestation: \"no\"\n"), 0o600))
	return s, ana, id, no, relay
}

// serverNamed is how a person names dsn's server: login@host:port/database,
// read from the URL as the test wrote it.
func serverNamed(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	return q.Get("user") + "@" + q.Get("host") + ":" + q.Get("port") + u.Path
}
