package main

import (
	"strings"
	"testing"
)

// A team server that went away was said the same way to every command:
// "cannot reach the team database …; nothing was recorded", which a
// command that only reads (assay list, report, verify) never meant to
// do, so the person wondered what it had tried to record. A command that
// reads says it could not read; one that writes, that nothing was
// recorded.
func TestTeamServerGoneReadsSayTheyCouldNotReadWritesThatNothingWasRecorded(t *testing.T) {
	s, ana, id, no, relay := draftBehindRelay(t)
	named := serverNamed(t, relay.DSN)
	env := ana.envTo(relay.DSN)
	relay.Down()

	unreachable := "cannot reach the team database " + named + ": "
	for _, c := range []struct {
		args          []string
		says, notSays string
	}{
		{[]string{"list"}, "nothing could be read", "nothing was recorded"},
		{[]string{"report", id}, "nothing could be read", "nothing was recorded"},
		{[]string{"verify"}, "nothing could be read", "nothing was recorded"},
		{[]string{"history", id}, "nothing could be read", "nothing was recorded"},
		{[]string{"verify", "--checkpoint"}, "nothing was recorded", "nothing could be read"}, // it signs a checkpoint
		{[]string{"answer", id, "-f", no}, "nothing was recorded", "nothing could be read"},
		{[]string{"new", "-q", "vendor-security-screen", "-s", "Beta Ltd"}, "nothing was recorded", "nothing could be read"},
	} {
		r := runProc(s.bin, env, c.args...)
		if r.code == 0 || !strings.Contains(r.errs, unreachable) || !strings.Contains(r.errs, c.says) || strings.Contains(r.errs, c.notSays) {
			t.Errorf("assay %s with the server gone: exit %d, %q\nwant it to say %q and %q, not %q", strings.Join(c.args, " "), r.code, r.errs, unreachable, c.says, c.notSays)
		}
	}
}
