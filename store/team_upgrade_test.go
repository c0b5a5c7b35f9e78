package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A team database an older assay made (schema 001) and used: this assay
// refuses to work on it until an owner runs assay team init, which brings
// it to this assay's schema in one transaction, saying what it ran; its
// assessments then work, and are held to the new rules.
func TestTeamSchemaUpgradeFrom001(t *testing.T) {
	ctx := context.Background()
	schemaDSN, raw := olderTeam(t, "001_team")
	anaDSN := teamLogin(t, schemaDSN, "upgrade ana", "analyst")
	teamLogin(t, schemaDSN, "upgrade bob", "analyst")

	old, a := openAnswered(t, anaDSN)
	old.Close()
	if _, err := raw.Exec(`DELETE FROM schema_migrations WHERE applied_at = 'pretend'`); err != nil {
		t.Fatal(err)
	}

	upgradeTeam(t, schemaDSN, anaDSN, "001",
		[]string{"ALTER TABLE assessments ADD COLUMN created_xact xid8", "'002_revision_identity'", "'003_key_owner'", "'004_submitter_reject'"},
		// 001's tables are altered, never made again (010 makes one new
		// table, the record of team grants).
		[]string{"CREATE TABLE assessments", "CREATE TABLE events", "CREATE TABLE ledger"})
	got, err := schemaLines(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	want, err := writtenSchema()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the upgraded schema is not the one verify expects (schema.txt):\n%s", strings.Join(got, "\n"))
	}
	if again, err := TeamInit(ctx, schemaDSN, grantKey(t, schemaDSN)); err != nil || len(again) != 0 {
		t.Errorf("team init on an upgraded database ran %v, %v; want nothing", again, err)
	}

	// The assessment made before works, and nobody's transaction is its.
	ana, err := OpenTeam(anaDSN, questionnaires.Decode)
	if err != nil {
		t.Fatalf("opening the upgraded database: %v", err)
	}
	defer ana.Close()
	useTestKeys(ana)
	if err := ana.SaveAnswer(ctx, a.ID, choose(a, "no")); err != nil {
		t.Fatalf("saving on the upgraded database: %v", err)
	}
	mustAnswer(t, ana, a.ID, "no")
	var unset bool
	if err := raw.QueryRow(`SELECT created_xact IS NULL FROM assessments WHERE id = ?`, a.ID).Scan(&unset); err != nil || !unset {
		t.Errorf("the assessment made before the upgrade has a creating transaction (%v, %v)", unset, err)
	}
	anaSQL := rawTeam(t, anaDSN)
	for _, forged := range forgeries(a, "upgrade bob") {
		if err := tryInTx(t, anaSQL, `UPDATE assessments SET summary = summary WHERE id = `+itoa(a.ID), forged); err == nil || !strings.Contains(err.Error(), "must name the login that makes it") {
			t.Errorf("%s on the upgraded database: %v, want the server's refusal", firstLine(forged), err)
		}
	}
}

// olderTeam is a team schema at migration last, as an older assay made
// it, and the superuser's own connection to it (raw), with every later
// migration recorded as applied though it is not: the store writes
// nothing they add, so its handles open the schema and write what the
// assay of last wrote. The test deletes the records (applied_at
// 'pretend') once it has, before it upgrades the schema.
func olderTeam(t *testing.T, last string) (schemaDSN string, raw *sql.DB) {
	t.Helper()
	requirePostgres(t)
	schemaDSN = teamSchemaAt(t, last)
	raw = rawTeam(t, schemaDSN)
	names := postgresMigrationNames(t)
	at := slices.Index(names, "migrations_postgres/"+last+".sql")
	if at < 0 {
		t.Fatalf("no migration %s", last)
	}
	for _, n := range names[at+1:] {
		if _, err := raw.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, 'pretend')`, migrationVersion(n)); err != nil {
			t.Fatal(err)
		}
	}
	return schemaDSN, raw
}

// upgradeTeam checks that this assay refuses a team database whose schema
// is at from, naming what to run, then runs assay team init on it and
// checks that it ran, in one committed transaction, every statement of
// want and none of never. It returns what team init printed.
func upgradeTeam(t *testing.T, schemaDSN, loginDSN, from string, want, never []string) []string {
	t.Helper()
	_, err := OpenTeam(loginDSN, questionnaires.Decode)
	names := postgresMigrationNames(t)
	latest := migrationVersion(names[len(names)-1])[:3]
	refusal := "this team database's schema is at " + from + "; an owner runs `assay team init` to bring it to " + latest
	if err == nil || !strings.Contains(err.Error(), refusal) {
		t.Fatalf("opening a %s database: %v, want %q", from, err, refusal)
	}
	ran, err := TeamInit(context.Background(), schemaDSN, grantKey(t, schemaDSN))
	if err != nil {
		t.Fatalf("assay team init on a %s database: %v", from, err)
	}
	all := strings.Join(ran, "\n")
	for _, w := range append([]string{"BEGIN"}, want...) {
		if !strings.Contains(all, w) {
			t.Errorf("team init on a %s database ran no %q:\n%s", from, w, all)
		}
	}
	for _, n := range never {
		if strings.Contains(all, n) {
			t.Errorf("team init on a %s database ran %q:\n%s", from, n, all)
		}
	}
	if ran[len(ran)-1] != "COMMIT" {
		t.Errorf("team init on a %s database did not end in COMMIT:\n%s", from, all)
	}
	return ran
}

func postgresMigrationNames(t *testing.T) []string {
	t.Helper()
	names, err := postgresMigrations()
	if err != nil {
		t.Fatal(err)
	}
	return names
}
