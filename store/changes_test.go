package store

import (
	"context"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// changeWait is how long a test waits for a change it expects to be
// reported. A change takes milliseconds; the margin is for a machine at a
// load of 15 or more (CI's two cores running every package's tests at
// once), where the tui's screens were seen to take more than 10 s. A
// change never reported still fails, 30 s later.
const changeWait = 30 * time.Second

// nextChange waits up to changeWait for a change.
func nextChange(t *testing.T, w *Watch) assess.Change {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), changeWait)
	defer cancel()
	ch, err := w.Next(ctx)
	if err != nil {
		t.Fatalf("no change reported: %v", err)
	}
	return ch
}

// nextChangeIs waits for the next change and wants it to be want, the
// ledger entry the portfolio reached and how many changes others made
// since the change reported before: that the next one is exactly this
// shows that nothing was reported in between, without waiting a while
// for nothing.
func nextChangeIs(t *testing.T, w *Watch, what string, want assess.Change) {
	t.Helper()
	if got := nextChange(t, w); got != want {
		t.Fatalf("%s: reported %+v; want %+v", what, got, want)
	}
}

// ledgerTip is the number of the ledger's last entry.
func ledgerTip(t *testing.T, db *DB) int64 {
	t.Helper()
	seq, err := db.ledgerSeq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return seq
}

// awaitNextWaiting waits until a Next of w has begun (holds the watch),
// so that what the test does next happens while it waits.
func awaitNextWaiting(t *testing.T, w *Watch, ended <-chan error) {
	t.Helper()
	deadline := time.Now().Add(changeWait)
	for w.mu.TryLock() {
		w.mu.Unlock()
		select {
		case err := <-ended:
			t.Fatalf("Next ended (%v) before it was seen waiting", err)
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("Next did not begin within %v", changeWait)
		}
	}
}

// A window watching the portfolio hears of another window's change, and
// not of its own.
func TestWatchReportsOthersChanges(t *testing.T) {
	contract(t, contractWatchReportsOthersChanges)
}

func contractWatchReportsOthersChanges(t *testing.T) {
	path := tempPath(t)
	mine, theirs := openAt(t, path), openAt(t, path)
	_, q := testDB(t)
	a := newAssessment(t, mine, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	w, err := mine.Watch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// This window's own save is not reported: the first change reported
	// after it is the other window's save, counted alone. (On the server
	// the other login also registers its key first: an entry that changes
	// nothing, and is not counted.)
	if err := mine.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("encryption", "yes")); err != nil {
		t.Fatal(err)
	}
	nextChangeIs(t, w, "after this window's save and then the other's", assess.Change{Seq: ledgerTip(t, mine), Entries: 1})
	// A change is reported once: the next change reported is the other
	// window's next save.
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("encryption", "no")); err != nil {
		t.Fatal(err)
	}
	nextChangeIs(t, w, "after the change was reported and the other window saved again", assess.Change{Seq: ledgerTip(t, mine), Entries: 1})
	// Close ends a Next that waits.
	done := make(chan error, 1)
	go func() { _, err := w.Next(context.Background()); done <- err }()
	awaitNextWaiting(t, w, done)
	w.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Next after Close reported a change")
		}
	case <-time.After(changeWait):
		t.Fatal("Close did not end a waiting Next")
	}
}

// The server drops the watcher's connection (a restart, a network
// failure): the watcher connects again and still hears of the change.
func TestWatchSurvivesALostConnection(t *testing.T) {
	t.Run("postgres", func(t *testing.T) {
		requirePostgres(t)
		path := tempPath(t)
		mine, theirs := openAt(t, path), openAt(t, path)
		_, q := testDB(t)
		a := newAssessment(t, mine, q, "Globex", day("2026-03-01"), nil)
		w, err := mine.Watch(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		l := w.w.(*pgListener)
		pid := l.conn.PgConn().PID()
		got := make(chan assess.Change, 1)
		never := make(chan error) // Next's result comes on got
		wait := func() {
			ctx, cancel := context.WithTimeout(context.Background(), changeWait)
			defer cancel()
			ch, err := w.Next(ctx)
			if err != nil {
				t.Errorf("no change reported: %v", err)
			}
			got <- ch
		}
		go wait()
		awaitNextWaiting(t, w, never)
		if _, err := pgAdmin(t).Exec(`SELECT pg_terminate_backend($1)`, pid); err != nil {
			t.Fatal(err)
		}
		if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "no")); err != nil {
			t.Fatal(err)
		}
		if ch := <-got; ch.Entries < 1 {
			t.Errorf("change %+v after the connection was lost", ch)
		}
		if l.conn == nil || l.conn.PgConn().PID() == pid {
			t.Fatal("the watcher did not connect again")
		}
		// And it hears the next announcement on the new connection.
		go wait()
		awaitNextWaiting(t, w, never)
		if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "yes")); err != nil {
			t.Fatal(err)
		}
		<-got
	})
}
