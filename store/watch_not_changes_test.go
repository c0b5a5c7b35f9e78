package store

import (
	"context"
	"testing"
	"time"
)

// A ledger entry that changes no assessment or subject is no change to
// the portfolio: a role granted or revoked (assay team grant and revoke
// append one, so that verify can hold the record of grants to it), and a
// colleague's key registered on its own (assay key). A watching
// workspace must not take them for someone else's change: the first
// change it hears of after them is the colleague's answer, counted as
// the one change it is, not as three.
func TestWatchDoesNotTakeGrantsOrKeysForChanges(t *testing.T) {
	dsn := teamSchema(t)
	mine := useTestKeys(openTeamAs(t, dsn))
	theirs := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	a := newAssessment(t, theirs, q, "Globex", day("2026-03-01"), nil)
	changes := watchChanges(t, mine)

	carla := uniqueName("watch carla")
	teamLogin(t, dsn, carla)
	ctx := context.Background()
	if _, err := TeamGrant(ctx, dsn, grantKey(t, dsn), carla, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	if _, err := theirs.RegisterKey(as("Kim Keeper")); err != nil {
		t.Fatal(err)
	}
	if _, err := TeamRevoke(ctx, dsn, grantKey(t, dsn), carla, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	var before, seq int64
	if err := rawTeam(t, dsn).QueryRow(`SELECT max(seq) FROM ledger`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	// Dee's first save registers Dee's key first: that entry is no
	// change either.
	if err := theirs.SaveAnswer(as("Dee Pio"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	if err := rawTeam(t, dsn).QueryRow(`SELECT max(seq) FROM ledger`).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	if seq != before+2 {
		t.Fatalf("Dee's first save appended entries %d to %d; want her key's and her answer's", before+1, seq)
	}
	select {
	case ch := <-changes:
		if ch.Seq != seq || ch.Entries != 1 || ch.Lost != "" {
			t.Fatalf("the first change reported after a grant, a key and a revocation reads %+v; want Dee's answer alone: ledger entry %d, 1 entry", ch, seq)
		}
	case <-time.After(changeWait):
		t.Fatal("Dee's answer was never reported")
	}
}
