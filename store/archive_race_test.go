package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Two processes at once, one archiving an assessment and the other
// submitting or approving it: whichever commits first wins, and the other,
// which waited for its lock, reads the assessment as the first left it,
// is refused saying why, and records nothing. The first's change is held
// open (holdBeforeSeal) until the second is under way (on a team database,
// seen waiting for the assessment's lock), so which comes first is the
// test's choice, not the machine's.
func TestArchiveRacingASignOffOneWins(t *testing.T) {
	contract(t, contractArchiveRacingASignOff)
}

func contractArchiveRacingASignOff(t *testing.T) {
	path := tempPath(t)
	archiver, signer := openPatient(t, path), openPatient(t, path)
	q := tieringQuestionnaire(t)
	archive := func(id int64) error { return archiver.SetArchived(as("Bo"), id, true) }
	submit := func(id int64) error {
		_, err := signer.Review(as("Ana Analyst"), id, assess.ActSubmit, day("2026-03-02"), "For the committee")
		return err
	}
	approve := func(id int64) error {
		_, err := signer.Review(as("Rui Reviewer"), id, assess.ActApprove, day("2026-03-03"), "Plan agreed")
		return err
	}
	inReview := func(subject string) int64 {
		a := newAssessment(t, signer, q, subject, day("2026-03-01"), completeAnswers())
		if err := submit(a.ID); err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	draft := func(subject string) int64 {
		return newAssessment(t, signer, q, subject, day("2026-03-01"), completeAnswers()).ID
	}

	for _, c := range []struct {
		name          string
		id            int64
		first, second *DB
		firstDo       func(int64) error
		secondDo      func(int64) error
		code, says    string
		status        assess.Lifecycle
		archived      bool
		signOffs      int
	}{
		{"archived, then submitted", draft("Acme Cloud Ltd"), archiver, signer, archive, submit,
			assess.EConflict, "cannot submit assessment 1: it is archived", assess.Draft, true, 0},
		{"submitted, then archived", draft("Globex"), signer, archiver, submit, archive,
			assess.EConflict, "cannot archive assessment 2: it is in review, before the committee; withdraw it to draft first", assess.InReview, false, 1},
		{"approved, then archived", inReview("Initech"), signer, archiver, approve, archive,
			assess.ELocked, "cannot archive assessment 3: it is approved, the committee's signed decision", assess.Approved, false, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := loadAt(t, signer, c.id)
			firstErr, secondErr := raceHeld(t, c.first, c.second, func() error { return c.firstDo(c.id) }, func() error { return c.secondDo(c.id) })
			if firstErr != nil {
				t.Fatalf("the first change: %v", firstErr)
			}
			wantCode(t, secondErr, c.code, c.says)
			a := loadAt(t, archiver, c.id)
			if a.Status != c.status || a.Archive.Archived() != c.archived || len(a.SignOffs) != c.signOffs {
				t.Errorf("after the race: %s, archived %v, %d signatures; want %s, archived %v, %d (before: %s, %d)",
					a.Status, a.Archive.Archived(), len(a.SignOffs), c.status, c.archived, c.signOffs, before.Status, len(before.SignOffs))
			}
		})
	}
}

// raceHeld runs first on its handle until its write is made and checked,
// holds it there, runs second on the other handle, and lets first commit
// once second is under way (on a team database, once second waits for a
// lock). It returns both errors.
func raceHeld(t *testing.T, first, second *DB, firstDo, secondDo func() error) (firstErr, secondErr error) {
	t.Helper()
	held, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	holdBeforeSeal(t, first, func() { once.Do(func() { close(held); <-release }) })
	firstDone, secondDone := make(chan error, 1), make(chan error, 1)
	go func() { firstDone <- firstDo() }()
	select {
	case <-held:
	case err := <-firstDone:
		t.Fatalf("the first change ended before it was held: %v", err)
	}
	go func() { secondDone <- secondDo() }()
	if d, team := second.dialect.(*pgDialect); team {
		waitForLockWait(t, second, d.login, secondDone)
	}
	close(release)
	return <-firstDone, <-secondDone
}

// waitForLockWait waits until a session of login waits for a lock: the
// second change, for the row the first holds.
func waitForLockWait(t *testing.T, db *DB, login string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		var n int
		err := db.sql.QueryRowContext(context.Background(), `SELECT count(*) FROM pg_stat_activity
			WHERE usename = ? AND wait_event_type = 'Lock'`, login).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		select {
		case err := <-done:
			t.Fatalf("the second change did not wait for the first's lock: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("the second change never waited for the first's lock")
		}
	}
}

// loadAt is assessment id as db reads it.
func loadAt(t *testing.T, db *DB, id int64) *assess.Assessment {
	t.Helper()
	a, err := db.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
