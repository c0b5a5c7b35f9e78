package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/questionnaires"
)

// A team database that goes away while assay migrate --from copies it
// (its server stopped with pg_ctl -m immediate, or the network cut) is
// said in words: the connection was lost during the copy, and nothing was
// written to the file. Before, the message carried pgx's "unexpected
// EOF" and left the person to guess what had happened.
func TestCopyFromALostServerSaysSo(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	team := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	for _, subject := range []string{"Acme Cloud Ltd", "Globex", "Initech"} {
		newAssessment(t, team, q, subject, day("2026-03-01"), []assess.Answer{choice("mfa", "no"), choice("encryption", "yes")})
	}
	relay := pgtest.NewRelay(t, dsn)
	from := openTeamAs(t, relay.DSN)
	path := tempPath(t)
	to, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer to.Close()

	copyHook = func(at string, _ int) {
		if at == "subjects" {
			relay.Down()
		}
	}
	defer func() { copyHook = nil }()
	_, err = CopyPortfolio(context.Background(), from, to)
	if err == nil {
		t.Fatal("the copy from a server that went away midway succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"the connection to the team database", "was lost during the copy", "nothing was written to " + path} {
		if !strings.Contains(msg, want) {
			t.Errorf("the copy from a server that went away says %q; want %q in it", msg, want)
		}
	}
	for _, raw := range []string{"EOF", "conn closed", "SQLSTATE", ".s.PGSQL"} {
		if strings.Contains(msg, raw) {
			t.Errorf("the copy from a server that went away says %q, the driver's words %q", msg, raw)
		}
	}
	var n int
	if err := to.sql.QueryRow(`SELECT (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM subjects) + (SELECT COUNT(*) FROM questionnaire_snapshots)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("the copy from a server that went away left %d rows in the file", n)
	}
}

// A server that goes away once the copy committed in the file, before
// the read on the server ended, takes nothing from the copy: everything
// was read, and the copy verified. The move succeeded, and says so;
// before, it said the server could not be reached and nothing was
// recorded, of a file that held the whole portfolio.
func TestCopyFromAServerLostAfterTheCommitSucceeded(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	team := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	newAssessment(t, team, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	relay := pgtest.NewRelay(t, dsn)
	from := openTeamAs(t, relay.DSN)
	to, err := Open(tempPath(t), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer to.Close()
	to.SetTrust(trustTestKeys)

	copyHook = func(at string, _ int) {
		if at == "committed" {
			relay.Down()
		}
	}
	defer func() { copyHook = nil }()
	done, err := CopyPortfolio(context.Background(), from, to)
	if err != nil || done.Assessments != 1 {
		t.Fatalf("the copy whose server went away after it committed: %+v, %v; want 1 assessment copied", done, err)
	}
	var n int
	if err := to.sql.QueryRow(`SELECT COUNT(*) FROM assessments`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the file holds %d assessments (%v), want 1", n, err)
	}
}
