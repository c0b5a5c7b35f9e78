package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
)

// The workspace reads and writes on one handle, which cmd/assay opens as
// a command that writes: a lost team server was said as "nothing was
// recorded" on the home list read again, the report opened, and the
// comparison with the previous assessment, none of which asked to record
// anything. Each says that nothing could be read, on the handle as the
// workspace has it (store.DB.WordReadsAsReads); a save on it still says
// that nothing was recorded.
func TestTeamWorkspaceReadsOnALostServerSayNothingCouldBeRead(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("dana", "analyst")
	q, _ := te.lib.Get("vendor-security-screen")
	ctx := context.Background()
	for _, on := range []string{"2026-03-01", "2026-04-01"} {
		d, err := assess.ParseRecordDate(on)
		if err != nil {
			t.Fatal(err)
		}
		if err := dana.db.CreateAssessment(ctx, &assess.Assessment{Questionnaire: q, Subject: "Acme Cloud Ltd", AssessedOn: d}); err != nil {
			t.Fatal(err)
		}
	}
	relay := pgtest.NewRelay(t, dana.dsn)
	through := dana.open(relay.DSN)
	through.WordReadsAsReads()
	d := te.deps(dana)
	d.Repo, d.Governance, d.Pin, d.PinnedAssessment = through, through, through.Pin, through.PinnedPlanStamps
	e := &env{t: t, lib: te.lib, dir: t.TempDir()}
	// Wide enough that the status line holds the whole message, which
	// names the server at length.
	f := e.startSized(d, 240, 24)
	f.waitFor("Acme Cloud Ltd")

	const couldNot, notRecorded = "nothing could be read", "nothing was recorded"
	// The list's message is said above the table; the report's, which
	// opens no screen, in the status line at the foot, where it stays.
	aboveTable := func(s string) string { return flatScreen(s[:max(strings.Index(s, " ID "), 0)]) }
	atFoot := func(s string) string { return flatScreen(s[max(strings.Index(s, "could not open:"), 0):]) }
	for _, read := range []struct {
		what, key string
		where     func(string) string
	}{
		{"the home list read again", "ctrl+r", aboveTable},
		{"the report opened", "m", atFoot},
		{"the comparison with the previous assessment", "C", aboveTable},
	} {
		relay.Down()
		f.press(read.key)
		f.waitUntil(read.what+" to say "+couldNot, func(s string) bool { return strings.Contains(read.where(s), couldNot) })
		// Whether the read found the relay closed (a new connection
		// refused) or a pooled connection cut under it depends on the
		// pool, not on the workspace: either names the server as lost.
		if s := read.where(f.screen()); strings.Contains(s, notRecorded) || !pgtest.SaysServerLost(s) {
			t.Errorf("%s on a lost server says %q, want it to say it cannot reach the server and %q", read.what, s, couldNot)
		}
		relay.Up()
		// The handle's connections the relay cut fail once more each,
		// then give way to new ones.
		for try := 0; ; try++ {
			if _, err := through.Assessments(ctx, assess.Filter{}); err == nil {
				break
			} else if try == 10 {
				t.Fatalf("the server back, the handle still cannot read: %v", err)
			}
		}
		f.press("ctrl+r")
		f.waitUntil("the list read again once the server is back", func(s string) bool { return !strings.Contains(aboveTable(s), couldNot) })
	}

	// A save, on the same handle, is a write.
	relay.Down()
	err := through.SaveAnswer(assess.WithActor(ctx, dana.login), 1, assess.Answer{QuestionID: "attestation", Value: assess.Value{Choices: []string{"no"}}})
	if err == nil || !strings.Contains(err.Error(), notRecorded) || strings.Contains(err.Error(), couldNot) {
		t.Errorf("a save on a lost server: %v\nwant it to say %q", err, notRecorded)
	}
	f.quit()
}

// flatScreen is a screen's words joined by single spaces: a message wraps
// where what it quotes breaks it.
func flatScreen(screen string) string { return strings.Join(strings.Fields(screen), " ") }
