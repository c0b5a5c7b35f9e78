package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
)

// While the server is out of reach the watch says so, and why, once;
// when it is back, the watch says so once it has read what others
// committed meanwhile, which it then reports as their change.
func TestWatchSaysWhileTheServerIsAway(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	relay := pgtest.NewRelay(t, dsn)
	theirs := useTestKeys(openTeamAs(t, dsn))
	mine := openTeamAs(t, relay.DSN)
	_, q := testDB(t)
	a := newAssessment(t, theirs, q, "Globex", day("2026-03-01"), nil)
	failed := make(chan struct{}, 64)
	listenFailedHook = func() {
		select {
		case failed <- struct{}{}:
		default:
		}
	}
	t.Cleanup(func() { listenFailedHook = nil })
	w, err := mine.Watch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	relay.Down()
	ch := nextChange(t, w)
	if ch.Lost != "the team database cannot be reached" {
		t.Fatalf("with the server away the watch reported %+v, want that the server cannot be reached", ch)
	}
	for _, raw := range []string{"SQLSTATE", "dial", "connect:", ".s.PGSQL"} {
		if strings.Contains(ch.Lost, raw) {
			t.Errorf("the reason %q carries the driver's words %q", ch.Lost, raw)
		}
	}
	// The watch says so once: a Next that waits while the watch tries to
	// listen again, and fails twice (so the first failure's turn is over,
	// with no report), reports nothing until the server is back.
	next := make(chan assess.Change, 1)
	go func() {
		ch, _ := w.Next(context.Background()) // an error is no change, and fails below
		next <- ch
	}()
	for range 2 {
		select {
		case <-failed:
		case ch := <-next:
			t.Fatalf("while the server stayed away the watch reported %+v, having said so already", ch)
		case <-time.After(changeWait):
			t.Fatal("the watch did not try to listen again while the server was away")
		}
	}
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	relay.Up()
	var back assess.Change
	select {
	case back = <-next:
	case <-time.After(changeWait):
		t.Fatal("the watch did not report the server back")
	}
	if back.Lost != "" || back.Entries < 1 {
		t.Fatalf("with the server back the watch reported %+v, want the change made meanwhile", back)
	}
	if l := w.w.(*pgListener); l.conn == nil {
		t.Fatal("the watch said it was back before listening again")
	}
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if ch := nextChange(t, w); ch.Lost != "" || ch.Entries < 1 {
		t.Errorf("after coming back the watch reported %+v, want the next change", ch)
	}
}
