package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess/ledger"
)

// The tamper suite on the team database: what a database administrator
// (the server's superuser, who can do anything the server allows) can do
// that SQLite's file does not offer, and the attacks of the file suite
// that read differently on the server. Each case fills a schema of its
// own with the file suite's fixture, changes it as the administrator, and
// verify must fail naming what broke.
func TestTamperSuitePostgres(t *testing.T) {
	requirePostgres(t)
	exec := func(stmts ...string) func(*testing.T, *sql.DB) {
		return func(t *testing.T, raw *sql.DB) {
			t.Helper()
			for _, s := range stmts {
				mustExec(t, raw, s)
			}
		}
	}
	// asReplica runs stmts with the server's triggers off for the session,
	// as a superuser may (session_replication_role = replica).
	asReplica := func(stmts ...string) func(*testing.T, *sql.DB) {
		return exec(append([]string{`SET session_replication_role = replica`}, append(stmts, `SET session_replication_role = origin`)...)...)
	}
	cases := []tamperCase{
		{"the lock trigger on answers dropped, and an approved answer changed", exec(
			`DROP TRIGGER answers_locked ON answers`,
			`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 1 AND question_id = 'mfa'`),
			"the server's protections changed, so the audit trail was not checked: the trigger answers_locked was dropped or changed outside assay"},
		{"the lock trigger disabled", exec(`ALTER TABLE answers DISABLE TRIGGER answers_locked`),
			"the trigger answers_locked was"},
		{"a lock function's body replaced", exec(`CREATE OR REPLACE FUNCTION assay_locked_child() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`),
			"the function assay_locked_child was"},
		{"a trigger added", exec(`CREATE TRIGGER sneak BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION assay_record_actor()`),
			"the trigger sneak was added or changed outside assay"},
		{"a row-level policy added", exec(`CREATE POLICY hide ON answers USING (true)`),
			"the row-level policy hide on answers was added"},
		{"an approved answer changed with triggers off for the session", asReplica(
			`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 1 AND question_id = 'mfa'`),
			"assessment 1, audit record 5 (event id 5): answer mfa is not what this record says"},
		{"an approved sign-off's name changed with triggers off", asReplica(
			`UPDATE signoffs SET name = 'Someone Else' WHERE assessment_id = 1 AND role = 'reviewer'`),
			"the signature stored is not the one this record says"},
		{"a record of the trail edited", exec(
			`UPDATE events SET actor = 'Rui Reviewer' WHERE assessment_id = 2 AND seq = 2`),
			"assessment 2, audit record 2"},
		{"the last ledger entry removed with triggers off", asReplica(
			`DELETE FROM ledger_leaves WHERE seq = (SELECT max(seq) FROM ledger)`,
			`DELETE FROM ledger WHERE seq = (SELECT max(seq) FROM ledger)`),
			"subject 3: subject "},
		{"a whole assessment deleted with its trail", asReplica(
			`DELETE FROM events WHERE assessment_id = 2`, `DELETE FROM plan_edits WHERE assessment_id = 2`,
			`DELETE FROM answers WHERE assessment_id = 2`, `DELETE FROM assessments WHERE id = 2`),
			"no longer in the database: it was deleted outside assay"},
		{"a chain resealed and signed with the administrator's own key, registered in the victim's name", func(t *testing.T, raw *sql.DB) {
			mallory, err := ledger.GenerateKey()
			if err != nil {
				t.Fatal(err)
			}
			forgeOnServer(t, raw, mallory)
		}, `the entry is signed by "Ana Analyst" with key`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dsn, db := teamTamperFixture(t)
			tc.tamper(t, rawTeam(t, dsn))
			res, err := db.Verify(as("Auditor"), 0)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if res.Broken == nil {
				t.Fatalf("the attack went unnoticed: verify passed (%d assessments, %d subjects, %d records)", res.Assessments, res.Subjects, res.Records)
			}
			if msg := res.Broken.Error(); !strings.Contains(msg, tc.want) {
				t.Fatalf("verify failed with %q; want it to name %q", msg, tc.want)
			}
		})
	}
}

// forgeOnServer is forgeAndSeal as the administrator does it: the draft's
// MFA answer flipped, its chain resealed, and a ledger entry appended as
// assay appends one, signed with k, whose registration names Ana Analyst.
func forgeOnServer(t *testing.T, raw *sql.DB, k *ledger.PrivateKey) {
	t.Helper()
	mustExec(t, raw, `UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 2 AND question_id = 'mfa'`)
	mustExec(t, raw, `UPDATE events SET new_value = replace(new_value, '"value":{"choices":["no"]}', '"value":{"choices":["yes"]}') WHERE assessment_id = 2 AND target = 'mfa'`)
	reseal(t, raw, assessmentChain, 2)
	db := &DB{sql: raw, dialect: &pgDialect{}, Now: func() time.Time { return time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC) }}
	db.UseKey(k)
	ctx := as("Ana Analyst")
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.touch(tx, owner{assessmentChain, 2}, 7)
	if err := db.seal(ctx, tx, db.untouch(tx)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// teamTamperFixture is the tamper fixture on a team schema of its own,
// written on a fixed clock with the test keys and checked to verify
// before anything is tampered with.
func teamTamperFixture(t *testing.T) (dsn string, db *DB) {
	t.Helper()
	dsn = teamSchema(t)
	db = fixedClock(openTeamAs(t, dsn), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	useTestKeys(db)
	if err := fillTamperFixture(db); err != nil {
		t.Fatal(err)
	}
	if res, err := db.Verify(context.Background(), 0); err != nil || res.Broken != nil {
		t.Fatalf("the fixture does not verify: %v %v", res.Broken, err)
	}
	return dsn, db
}
