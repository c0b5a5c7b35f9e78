package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// Accessible mode ended when a read failed (the team server lost while an
// assessment was opened, or the list read again), where the full-screen
// workspace says what failed and stays. It says what could not be read,
// goes back to the list, and, the list unread, offers to read it again or
// leave; once the server is back, r reads it, and the person carries on.
// The workspace opens the team database as a command that writes, and
// reads on it too: what it says of a read is that nothing could be read,
// never that nothing was recorded (store.DB.WordReadsAsReads).
func TestAccessibleModeSaysAFailedReadAndOffersToTryAgain(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	relay := pgtest.NewRelay(t, ana.dsn)

	cmd := exec.Command(s.bin, "--accessible")
	cmd.Env = ana.envTo(relay.DSN)
	p := startInteractive(t, cmd)
	listPrompt := "Type an assessment's number to continue it, n for a new assessment, or q to quit:"
	waitOutput(t, &p.out, listPrompt, 1)
	relay.Down()
	p.say("1")
	waitOutput(t, &p.out, "Assessment 1 could not be read: ", 1)
	again := "Type r to read the list again, or q to quit:"
	waitOutput(t, &p.out, again, 1)
	if out := p.out.String(); !strings.Contains(out, "The list of assessments could not be read: ") || !strings.Contains(out, "nothing could be read") || strings.Contains(out, "nothing was recorded") {
		t.Errorf("the list read on a lost server is not said as such:\n%s", out)
	}
	relay.Up()
	p.say("r")
	waitOutput(t, &p.out, listPrompt, 2)
	p.say("q")
	p.stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Errorf("accessible mode left with %v after a failed read and a list read again:\n%s", err, p.out.String())
	}
}
