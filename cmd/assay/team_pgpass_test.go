package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A server on a Unix socket in a folder of its own (as .ci/pg-start's):
// a password file line naming that folder as its host logs the person
// in, as it does psql; a localhost line meant for another server is not
// used for it. The server asks every login but the superuser for its
// password over the socket.
func TestPassFileLineNamingTheSocketFolder(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	cfg, err := pgx.ParseConfig(ana.dsn)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(cfg.Host, "/") {
		t.Skipf("the test server is not on a Unix socket (host %s)", cfg.Host)
	}
	port := strconv.Itoa(int(cfg.Port))
	pass := filepath.Join(ana.dir, "pgpass")
	write := func(lines ...string) {
		t.Helper()
		if err := os.WriteFile(pass, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	folderLine := strings.ReplaceAll(cfg.Host, ":", `\:`) + ":" + port + ":*:" + ana.login + ":" + ana.password

	write("localhost:"+port+":*:"+ana.login+":another-servers-password", folderLine)
	if r := ana.run("list"); r.code != 0 {
		t.Fatalf("with a line naming the socket folder: exit %d\n%s", r.code, r.errs)
	}

	write("localhost:" + port + ":*:" + ana.login + ":" + ana.password)
	r := ana.run("list")
	if r.code == 0 || !strings.Contains(r.errs, "refused login") {
		t.Fatalf("a localhost line was used for a server in socket folder %s: exit %d\n%s", cfg.Host, r.code, r.errs)
	}
	if strings.Contains(r.stdout+r.errs, ana.password) {
		t.Fatalf("the password was shown:\n%s", r.errs)
	}

	// A file its group may read is not read, as with psql, and the
	// refusal says why.
	write(folderLine)
	if err := os.Chmod(pass, 0o640); err != nil {
		t.Fatal(err)
	}
	r = ana.run("list")
	if r.code == 0 || !strings.Contains(r.errs, "chmod 0600") || strings.Contains(r.stdout+r.errs, ana.password) {
		t.Fatalf("a password file its group may read: exit %d\n%s", r.code, r.errs)
	}
}
