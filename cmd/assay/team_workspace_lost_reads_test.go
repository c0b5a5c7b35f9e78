package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// The workspace opens the team database as a command that writes, and
// reads on it too: an assessment opened once the server was lost said
// that nothing was recorded, which opening it never meant to do. It says
// that nothing could be read (store.DB.WordReadsAsReads), here in
// accessible mode, through the built binary.
func TestTeamWorkspaceReadOnALostServerSaysNothingCouldBeRead(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	relay := pgtest.NewRelay(t, ana.dsn)

	cmd := exec.Command(s.bin, "--accessible")
	cmd.Env = ana.envTo(relay.DSN)
	p := startInteractive(t, cmd)
	waitOutput(t, &p.out, "Type an assessment's number to continue it, n for a new assessment, or q to quit:", 1)
	relay.Down()
	p.say("1")
	waitOutput(t, &p.out, "nothing could be read", 1)
	if out := p.out.String(); strings.Contains(out, "nothing was recorded") {
		t.Errorf("opening an assessment on a lost server says nothing was recorded:\n%s", out)
	}
	p.stdin.Close()
	_ = cmd.Wait()
}
