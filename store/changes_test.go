package store

import (
	"context"
	"errors"
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

// noChange checks that nothing is reported within a short while.
func noChange(t *testing.T, w *Watch, why string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*pollInterval)
	defer cancel()
	if ch, err := w.Next(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("%s: reported %+v, %v; want nothing", why, ch, err)
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
	if err := mine.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	noChange(t, w, "after this window's own save")
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("encryption", "yes")); err != nil {
		t.Fatal(err)
	}
	// (On the server the other login also registers its key first.)
	ch := nextChange(t, w)
	if ch.Entries < 1 || ch.Seq == 0 {
		t.Errorf("change %+v, want the other window's entries", ch)
	}
	noChange(t, w, "after the change was reported")
	// Close ends a Next that waits.
	done := make(chan error, 1)
	go func() { _, err := w.Next(context.Background()); done <- err }()
	time.Sleep(pollInterval)
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
		time.Sleep(pollInterval) // Next waits on the connection
		if _, err := pgAdmin(t).Exec(`SELECT pg_terminate_backend($1)`, pid); err != nil {
			t.Fatal(err)
		}
		time.Sleep(pollInterval)
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
		time.Sleep(pollInterval)
		if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "yes")); err != nil {
			t.Fatal(err)
		}
		<-got
	})
}
