package store

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
)

// A team write whose connection was lost once its commit was on its way
// to the server said "cannot reach the team database …; nothing was
// recorded", of a change the server may have committed, and here did.
// Lost at the commit, a write says assay cannot tell whether it was
// recorded, and how to find out; its kind stays EUnavailable, so that the
// workspace keeps the change and makes it again once the server answers.
func TestAWriteLostAtTheCommitSaysItCannotTell(t *testing.T) {
	requirePostgres(t)
	_, q := testDB(t)
	owner := "IT Ops"
	writes := []struct {
		name string
		// open is the handle the write is made with, through the relay.
		open  func(t *testing.T, dsn string) *DB
		write func(db *DB, a *assess.Assessment) error
		// recorded reports whether the server holds the write.
		recorded func(a *assess.Assessment) bool
	}{
		{
			name: "an answer saved in one exchange",
			open: openTeamWithTestKey,
			write: func(db *DB, a *assess.Assessment) error {
				return db.SaveAnswer(as(db.Login()), a.ID, choice("mfa", "yes"))
			},
			recorded: mfaAnsweredYes,
		},
		{
			name: "an answer saved statement by statement",
			open: func(t *testing.T, dsn string) *DB { return useTestKeys(openTeamAs(t, dsn)) },
			write: func(db *DB, a *assess.Assessment) error {
				return db.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "yes"))
			},
			recorded: mfaAnsweredYes,
		},
		{
			name: "a plan change",
			open: openTeamWithTestKey,
			write: func(db *DB, a *assess.Assessment) error {
				_, _, err := db.ChangePlanItem(as(db.Login()), a.ID, "mfa", assess.PlanChange{Owner: &owner}, day("2026-03-02"))
				return err
			},
			recorded: mfaOwnedBy(owner),
		},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			dsn := teamSchema(t)
			relay := pgtest.NewRelay(t, dsn)
			db := w.open(t, relay.DSN)
			a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})

			relay.CutAtCommit()
			err := w.write(db, a)
			if err == nil {
				t.Fatal("the write whose connection was lost at the commit succeeded")
			}
			if code := assess.ErrorCode(err); code != assess.EUnavailable {
				t.Errorf("the write lost at the commit is a %q error, want %q: the workspace would not make it again (%v)", code, assess.EUnavailable, err)
			}
			msg := err.Error()
			for _, want := range []string{"was lost as this change was being committed", "cannot tell whether", "assay history " + itoa(a.ID)} {
				if !strings.Contains(msg, want) {
					t.Errorf("the write lost at the commit says %q; want %q in it", msg, want)
				}
			}
			for _, wrong := range []string{"nothing was recorded", "cannot reach", "EOF", "bad connection", "conn closed", ".s.PGSQL"} {
				if strings.Contains(msg, wrong) {
					t.Errorf("the write lost at the commit says %q: %q, which assay cannot know or which is the driver's", msg, wrong)
				}
			}
			// The relay let the commit through: the server recorded the
			// write that "nothing was recorded" denied.
			got, err := openTeamAs(t, dsn).Assessment(as("Ana Analyst"), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !w.recorded(got) {
				t.Error("the server did not record the write the relay let through: the test cut too early")
			}
		})
	}
}

// A team write whose connection was lost inside its transaction, before
// its commit, said the driver's "conn closed" or "unexpected EOF", as an
// internal error the workspace would not make again. The server keeps
// nothing of a transaction it did not commit: the write says the
// connection was lost and nothing was recorded, as EUnavailable.
func TestAWriteLostBeforeItsCommitSaysNothingWasRecorded(t *testing.T) {
	requirePostgres(t)
	_, q := testDB(t)
	owner := "IT Ops"
	writes := []struct {
		name  string
		write func(db *DB, a *assess.Assessment) error
		// recorded reports whether the server holds the write.
		recorded func(a *assess.Assessment) bool
	}{
		{
			name: "an answer",
			write: func(db *DB, a *assess.Assessment) error {
				return db.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "yes"))
			},
			recorded: mfaAnsweredYes,
		},
		{
			name: "a plan change",
			write: func(db *DB, a *assess.Assessment) error {
				_, _, err := db.ChangePlanItem(as("Ana Analyst"), a.ID, "mfa", assess.PlanChange{Owner: &owner}, day("2026-03-02"))
				return err
			},
			recorded: mfaOwnedBy(owner),
		},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			dsn := teamSchema(t)
			relay := pgtest.NewRelay(t, dsn)
			// Acting as each person, the handle writes statement by
			// statement, each its own exchange with the server.
			db := useTestKeys(openTeamAs(t, relay.DSN))
			a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})

			relay.CutInsideWrite()
			err := w.write(db, a)
			if err == nil {
				t.Fatal("the write whose connection was lost before its commit succeeded")
			}
			if code := assess.ErrorCode(err); code != assess.EUnavailable {
				t.Errorf("the write lost before its commit is a %q error, want %q: the workspace would not make it again (%v)", code, assess.EUnavailable, err)
			}
			msg := err.Error()
			for _, want := range []string{"the connection to the team database", "was lost", "nothing was recorded"} {
				if !strings.Contains(msg, want) {
					t.Errorf("the write lost before its commit says %q; want %q in it", msg, want)
				}
			}
			for _, wrong := range []string{"cannot tell", "EOF", "bad connection", "conn closed", ".s.PGSQL"} {
				if strings.Contains(msg, wrong) {
					t.Errorf("the write lost before its commit says %q: %q, which is not so or is the driver's", msg, wrong)
				}
			}
			got, err := openTeamAs(t, dsn).Assessment(as("Ana Analyst"), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if w.recorded(got) {
				t.Error("the server recorded the write the relay cut before its commit: the test cut too late")
			}
		})
	}
}

// mfaAnsweredYes reports whether a holds the answer yes to mfa, the
// answer the lost writes above give.
func mfaAnsweredYes(a *assess.Assessment) bool {
	return slices.Equal(a.Answers["mfa"].Value.Choices, []string{"yes"})
}

// mfaOwnedBy reports whether a's plan gives mfa's item to owner.
func mfaOwnedBy(owner string) func(a *assess.Assessment) bool {
	return func(a *assess.Assessment) bool { return a.PlanEdits["mfa"].Owner == owner }
}
