package store

import (
	"database/sql"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Any login may NOTIFY on any channel: a colleague, or a login holding no
// team role at all, can announce on the team's channel whatever payload
// it likes, naming Dana and a plan item she never touched. The workspace
// must learn who changed what from the rows the server checked, never
// from an announcement: a forged one that names nothing real reports
// nothing, and the next real change is reported as the ledger has it.
func TestAForgedAnnouncementReportsNothing(t *testing.T) {
	dsn := teamSchema(t)
	mine := useTestKeys(openTeamAs(t, dsn))
	theirs := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	a := newAssessment(t, theirs, q, "Globex", day("2026-03-01"), nil)

	var schema string
	if err := rawTeam(t, dsn).QueryRow(`SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	mallory, err := sql.Open("pgx", teamLogin(t, dsn, uniqueName("notify mallory")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mallory.Close() })

	changes := watchChanges(t, mine)

	channel := pgx.Identifier{"assay." + schema}.Sanitize()
	for _, payload := range []string{
		`{"actor":"Dana","kind":"plan","target":"pentest","fields":["owner"]}`,
		"999999", "1", "",
	} {
		if _, err := mallory.Exec(`NOTIFY ` + channel + `, '` + payload + `'`); err != nil {
			t.Fatalf("NOTIFY as a login with no team role: %v", err)
		}
	}
	// The server hands a listener its announcements in the order they
	// were made, so a forged one reported as a change would come before
	// the real change below: that the first change is the real one shows
	// that none was, without waiting a while for nothing.
	var before, seq int64
	if err := rawTeam(t, dsn).QueryRow(`SELECT max(seq) FROM ledger`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	if err := rawTeam(t, dsn).QueryRow(`SELECT max(seq) FROM ledger`).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	select {
	case ch := <-changes:
		// Bo's first save registers Bo's key too: an entry of its own,
		// which changes nothing (TestWatchDoesNotTakeGrantsOrKeysForChanges).
		if ch.Seq != seq || ch.Entries != 1 || ch.Lost != "" {
			t.Fatalf("the first change reported after the forged announcements reads %+v; want the real one: ledger entry %d (after %d), 1 change", ch, seq, before)
		}
	case <-time.After(changeWait):
		t.Fatal("the real change after the forged announcements was never reported")
	}
}
