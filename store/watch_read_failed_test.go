package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/jackc/pgx/v5"
)

// listenFrame is where a server watcher waits for announcements.
const listenFrame = "github.com/assay-dev/assay/store.(*pgListener).listen("

// A read of the ledger that fails while the watcher's own connection is
// fine (the server slow to answer, another session holding the table)
// makes the watch say it is not following; once reads work again it must
// find that out by itself and say it follows again, not wait for someone
// else's next change to be announced. Before, a read that failed again
// after the watch had said so left it listening for announcements only:
// with nobody writing, it said "not following" for ever, and a change
// whose announcement it had missed stayed unreported.
func TestWatchFollowsAgainOnceAFailedReadWorks(t *testing.T) {
	dsn := teamSchema(t)
	every, within := pgCheckEvery, pgAnswerWithin
	pgCheckEvery, pgAnswerWithin = 200*time.Millisecond, 300*time.Millisecond
	t.Cleanup(func() { pgCheckEvery, pgAnswerWithin = every, within })
	mine := useTestKeys(openTeamAs(t, dsn))
	changes := watchChanges(t, mine)
	next := func(what string) assess.Change {
		t.Helper()
		select {
		case ch, ok := <-changes:
			if !ok {
				t.Fatalf("%s: the watch ended", what)
			}
			return ch
		case <-time.After(changeWait):
			t.Fatalf("%s: nothing reported within %v", what, changeWait)
		}
		return assess.Change{}
	}

	raw := rawTeam(t, dsn)
	var schema string
	if err := raw.QueryRow(`SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	// Another session holds the ledger: the watcher's reads of it wait,
	// and run out of pgAnswerWithin.
	lock, err := rawTeam(t, dsn).Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.Exec(`LOCK TABLE ledger IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	// An announcement wakes the watcher; its read fails: not following.
	if _, err := raw.Exec(`NOTIFY ` + pgx.Identifier{"assay." + schema}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	if ch := next("a read of the ledger that ran out of time"); ch.Lost == "" {
		t.Fatalf("a failed read of the ledger reported %+v; want that the watch is not following", ch)
	}
	// The next Next reads, fails again (the table still held), and waits
	// on its connection; then the table is let go, and nobody writes.
	awaitGoroutineIn(t, listenFrame, "listening after its read failed again", nil)
	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	if ch := next("reads work again"); ch.Lost != "" {
		t.Fatalf("with reads working again the watch reported %+v; want that it follows again", ch)
	}
}
