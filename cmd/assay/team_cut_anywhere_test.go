package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// A command whose connection to the team database was cut said, on some
// paths, the driver's or the system's words ("cannot reach … /tmp/…/
// .s.PGSQL.5432 (…): failed to receive message: unexpected EOF", "write
// failed: … broken pipe"). Cut at each of several of the server's
// answers in turn (the connection's opening, its login, a transaction's first
// query, a later one, a commit), each command that fails says that the
// connection was lost or the server cannot be reached, and that nothing
// could be read (list, report, history, export, verify) or nothing was
// recorded (answer, plan, a sign-off), or, cut at a commit, that assay
// cannot tell; and none says the driver's words.
func TestTeamCommandsCutAtAnyMomentSayTheConnectionWasLost(t *testing.T) {
	s, ana, id, no, relay := draftBehindRelay(t)
	ana.ok("answer", id, "-f", no)
	env := ana.envTo(relay.DSN)
	commands := []struct {
		read bool
		args func(n int) []string
	}{
		{true, func(int) []string { return []string{"list"} }},
		{true, func(int) []string { return []string{"report", id} }},
		{true, func(int) []string { return []string{"history", id} }},
		{true, func(int) []string { return []string{"export", id} }},
		{true, func(int) []string { return []string{"verify"} }},
		{false, func(int) []string { return []string{"answer", id, "-f", no} }},
		{false, func(n int) []string {
			return []string{"plan", id, "--item", "attestation", "--owner", fmt.Sprint("IT Ops ", n)}
		}},
		{false, func(int) []string {
			// A sign-off: each cut submits a draft of its own.
			draft := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
			return []string{"review", draft, "--submit", "--comment", "Ready"}
		}},
	}
	for _, c := range commands {
		name := "assay " + c.args(0)[0]
		failed := 0
		// A connection's opening takes the first three answers (SCRAM):
		// the later ones fall in the command's reads and writes.
		for _, n := range []int{1, 2, 4, 6, 9, 13, 18} {
			args := c.args(n)
			relay.CutAtAnswer(n)
			r := runProc(s.bin, env, args...)
			relay.Disarm()
			if r.code == 0 {
				continue // cut after the command had all it needed
			}
			failed++
			what := fmt.Sprintf("assay %s cut at the server's answer %d", strings.Join(args, " "), n)
			saysLost(t, what, r.errs, c.read)
		}
		if failed == 0 {
			t.Errorf("%s: no cut failed the command: the test cut nothing", name)
		}
	}
}

// saysLost fails unless msg says, in assay's words, that the team server
// was lost and what became of a read (read) or a write
// (pgtest.LostWordsWrong).
func saysLost(t *testing.T, what, msg string, read bool) {
	t.Helper()
	for _, wrong := range pgtest.LostWordsWrong(msg, read) {
		t.Errorf("%s says %q: %s", what, msg, wrong)
	}
}
