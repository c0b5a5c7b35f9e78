package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"
)

// Two sessions at once, one archiving while the other signs: the
// server's refusal must not depend on which reads the row first. Each
// case holds the first session's transaction open (its row lock taken,
// not committed), starts the second, waits until the server has it
// waiting for that lock, then commits the first: the second is refused,
// seeing what the first committed, not the row as it was before.
func TestTeamServerRefusesTheLoserOfAnArchiveRace(t *testing.T) {
	requirePostgres(t)
	schemaDSN := teamSchema(t)
	_, _, anaSQL, deeSQL, a := reviewTeamIn(t, schemaDSN)
	admin := rawTeam(t, schemaDSN)

	// Ana archives the draft while dee gives the DPO's opinion on it.
	race(t, admin, anaSQL, []string{archived(a.ID, true)}, deeSQL, signOff(a.ID, "dpo", "favourable"), "archived")
	mustExec(t, admin, archived(a.ID, false))

	// Dee approves (by SQL, the submission ana's) while ana archives it.
	if err := tryInTx(t, anaSQL, signOff(a.ID, "author", "submitted"), setStatus(a.ID, "in-review")); err != nil {
		t.Fatal(err)
	}
	race(t, admin, deeSQL, []string{signOff(a.ID, "reviewer", "approved"), setStatus(a.ID, "approved")}, anaSQL, archived(a.ID, true), "approved")
	var flag int
	var st string
	if err := admin.QueryRow(`SELECT archived, status FROM assessments WHERE id = ?`, a.ID).Scan(&flag, &st); err != nil || flag != 0 || st != "approved" {
		t.Errorf("after the race the assessment is archived=%d %s (%v), want approved and listed", flag, st, err)
	}
}

// race runs first's statements in a transaction of firstSQL, left open;
// then second on secondSQL, which must wait for it; commits the first
// and wants the second refused by the server naming want.
func race(t *testing.T, admin, firstSQL *sql.DB, first []string, secondSQL *sql.DB, second, want string) {
	t.Helper()
	tx, err := firstSQL.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, s := range first {
		if _, err := tx.Exec(s); err != nil {
			t.Fatalf("%s: %v", firstLine(s), err)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := secondSQL.Exec(second)
		done <- err
	}()
	deadline := time.Now().Add(30 * time.Second)
	for waiting := false; !waiting; {
		if err := admin.QueryRowContext(context.Background(), `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = ?)`,
			second).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-done:
			t.Fatalf("%s did not wait for the transaction under way: %v", firstLine(second), err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s is not waiting for the transaction under way after 30 s", firstLine(second))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%s, once the transaction under way committed: %v, want the server's refusal naming %q", firstLine(second), err, want)
	}
}
