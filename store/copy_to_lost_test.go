package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
)

// assay migrate --to a team database whose server goes away midway (its
// server stopped with pg_ctl -m immediate, the network cut) said what the
// driver was doing then: "unexpected EOF", "driver: bad connection", a
// socket's path. The server keeps nothing of a transaction it did not
// commit, so the copy says in words that the connection was lost and
// nothing was copied into the team database; the file is as it was.
func TestCopyIntoALostServerSaysNothingWasCopied(t *testing.T) {
	dsn, err := copyLosingTheServerAt(t, "events")
	if err == nil {
		t.Fatal("the copy into a server that went away midway succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"the connection to the team database", "was lost during the copy", "nothing was copied into it", "is as it was"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the copy into a server that went away says %q; want %q in it", msg, want)
		}
	}
	for _, raw := range []string{"EOF", "bad connection", "conn closed", "SQLSTATE", ".s.PGSQL"} {
		if strings.Contains(msg, raw) {
			t.Errorf("the copy into a server that went away says %q, the driver's words %q", msg, raw)
		}
	}
	if n := portfolioRows(t, dsn); n != 0 {
		t.Errorf("the copy into a server that went away left %d rows in the team database", n)
	}
}

// A connection lost while the copy was being committed leaves assay
// unable to tell whether the server committed it: the copy says so, and
// how to find out, rather than that nothing was copied (the team database
// may hold the whole portfolio, and here does: the relay cuts the
// connection at the server's word that it committed) or that it
// succeeded.
func TestCopyIntoAServerLostAtTheCommitSaysItCannotTell(t *testing.T) {
	dsn, err := copyCutAt(t, "verified", (*pgtest.Relay).CutAtCommit)
	if err == nil {
		t.Fatal("the copy whose connection was lost at the commit succeeded")
	}
	msg := err.Error()
	// The command to find out is one a person can run: assay --db with
	// the connection string (its schema, search_path, in it), not the
	// server's short name in messages, which no command takes.
	for _, want := range []string{"was lost as the copy was being committed", "cannot tell whether", "assay --db 'postgres", "search_path=", "' verify", "assay migrate again"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the copy lost at the commit says %q; want %q in it", msg, want)
		}
	}
	for _, wrong := range []string{"nothing was copied", "nothing was recorded", "EOF", "bad connection", "conn closed"} {
		if strings.Contains(msg, wrong) {
			t.Errorf("the copy lost at the commit says %q: %q, which assay cannot know or which is the driver's", msg, wrong)
		}
	}
	// The relay let the commit through: the server holds the copy.
	if n := portfolioRows(t, dsn); n == 0 {
		t.Error("the server did not commit the copy the relay let through: the test cut too early")
	}
}

// copyLosingTheServerAt copies a personal portfolio of three
// assessments into a new team schema through a relay that goes down
// when the copy reaches stage (copyHook's names), and gives the schema's
// DSN and the copy's error.
func copyLosingTheServerAt(t *testing.T, stage string) (string, error) {
	return copyCutAt(t, stage, (*pgtest.Relay).Down)
}

// copyCutAt is copyLosingTheServerAt with what the relay does at stage:
// go down, or arm a cut (pgtest.Relay).
func copyCutAt(t *testing.T, stage string, cut func(*pgtest.Relay)) (string, error) {
	t.Helper()
	requirePostgres(t)
	dsn := teamSchema(t)
	file := fileWithThreeAssessments(t)
	relay := pgtest.NewRelay(t, dsn)
	team := openTeamWithTestKey(t, relay.DSN)
	copyHook = func(at string, _ int) {
		if at == stage {
			cut(relay)
		}
	}
	defer func() { copyHook = nil }()
	_, err := CopyPortfolio(as(team.Login()), file, team)
	return dsn, err
}

// fileWithThreeAssessments is a personal database holding three
// assessments, signed with the test key.
func fileWithThreeAssessments(t *testing.T) *DB {
	t.Helper()
	_, q := testDB(t)
	file := openFileWithTestKey(t)
	for _, subject := range []string{"Acme Cloud Ltd", "Globex", "Initech"} {
		newAssessment(t, file, q, subject, day("2026-03-01"), []assess.Answer{choice("mfa", "no"), choice("encryption", "yes")})
	}
	return file
}

// portfolioRows counts what a copy would have put in the team schema.
func portfolioRows(t *testing.T, dsn string) int {
	t.Helper()
	var n int
	if err := rawTeam(t, dsn).QueryRowContext(context.Background(),
		`SELECT (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM subjects) + (SELECT COUNT(*) FROM ledger)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
