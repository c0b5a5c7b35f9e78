package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// assay migrate --from a team database whose audit trail was changed
// outside assay is refused, and the refusal names a command a person can
// run to see the same of the original: assay --db 'DSN' verify, the
// connection string shown without its password. It said "assay verify on
// rita@/tmp/...:54373/t_ans says the same of the original", a server's
// short name that no command takes.
func TestCopyFromATamperedTeamDatabaseNamesTheVerifyToRun(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	team := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	newAssessment(t, team, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	raw := rawTeam(t, dsn)
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`SET LOCAL session_replication_role = replica`,
		`UPDATE events SET new_value = 'Globex' WHERE id = (SELECT MIN(id) FROM events)`} {
		if _, err := tx.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	// The superuser logs in without a password over the socket; one in
	// the connection string is sent, and must not be shown.
	withPassword := dsn + "&password=s3cret-pw"
	from, err := OpenTeam(withPassword, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	useTestKeys(from)
	to := useTestKeys(openFileWithTestKey(t))
	_, err = CopyPortfolio(context.Background(), from, to)
	if err == nil {
		t.Fatal("the copy of a tampered team database succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"nothing was copied", "assay --db '" + Redact(withPassword) + "' verify", "password=xxxxx"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refused copy says %q\nwant %q in it", msg, want)
		}
	}
	for _, not := range []string{"s3cret-pw", "assay verify on "} {
		if strings.Contains(msg, not) {
			t.Errorf("the refused copy says %q, with %q in it", msg, not)
		}
	}
}
