package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// README and docs/team.md promise that on a team database nobody records
// a change as someone else. These tests are an analyst trying, in SQL on
// its own connection, every way the schema leaves open to a revision.

// identityTeam is a team schema with two analysts, ana and bob, and an
// assessment of ana's she has answered; it returns ana's handle, her own
// raw connection, the assessment and bob's login.
func identityTeam(t *testing.T) (*DB, *sql.DB, *assess.Assessment, string) {
	t.Helper()
	schemaDSN := teamSchema(t)
	anaDSN := teamLogin(t, schemaDSN, "identity ana", "analyst")
	bob := "identity bob"
	teamLogin(t, schemaDSN, bob, "analyst")
	ana, a := openAnswered(t, anaDSN)
	return ana, rawTeam(t, anaDSN), a, bob
}

// openAnswered opens a login's handle and creates an assessment with one
// answer saved by that login.
func openAnswered(t *testing.T, dsn string) (*DB, *assess.Assessment) {
	t.Helper()
	db, err := OpenTeam(dsn, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	useTestKeys(db)
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	a := &assess.Assessment{Subject: "Identity Vendor", Questionnaire: q}
	if err := db.CreateAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(context.Background(), a.ID, choose(a, "yes")); err != nil {
		t.Fatal(err)
	}
	return db, a
}

// forgeries are the writes naming someone else an analyst may try on an
// assessment of hers: a new answer, a changed answer, a plan edit.
func forgeries(a *assess.Assessment, other string) []string {
	q := firstControl(a.Questionnaire)
	id := a.ID
	return []string{
		`INSERT INTO answers (assessment_id, question_id, value, updated_at, updated_by) VALUES (` + itoa(id) + `, 'forged-q', '{}', 'now', ` + quoteLiteral(other) + `)`,
		`UPDATE answers SET value = '{"choices":["no"]}', updated_by = ` + quoteLiteral(other) + ` WHERE assessment_id = ` + itoa(id) + ` AND question_id = ` + quoteLiteral(q),
		`INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by) VALUES (` + itoa(id) + `, 'forged', '{}', 'now', ` + quoteLiteral(other) + `)`,
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// tryInTx runs the statements in one transaction of raw, returning the
// first error (and rolling back) or committing.
func tryInTx(t *testing.T, raw *sql.DB, stmts ...string) error {
	t.Helper()
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// The assessment's row rewritten to itself in the transaction (which on
// 001 made the server take the assessment for one this transaction
// created, a revision's copy) does not let ana name bob.
func TestTeamAnalystCannotNameAnotherAfterTouchingTheAssessment(t *testing.T) {
	requirePostgres(t)
	_, raw, a, bob := identityTeam(t)
	touch := `UPDATE assessments SET summary = summary WHERE id = ` + itoa(a.ID)
	for _, forged := range forgeries(a, bob) {
		if err := tryInTx(t, raw, forged); err == nil || !strings.Contains(err.Error(), "must name the login that makes it") {
			t.Errorf("%s alone: %v, want the server's refusal", firstLine(forged), err)
		}
		if err := tryInTx(t, raw, touch, forged); err == nil || !strings.Contains(err.Error(), "must name the login that makes it") {
			t.Errorf("%s after %s: %v, want the server's refusal", firstLine(forged), touch, err)
		}
	}
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM answers WHERE updated_by = ?`, bob).Scan(&n); err != nil {
		t.Fatal(err)
	}
	var m int
	if err := raw.QueryRow(`SELECT count(*) FROM plan_edits WHERE updated_by = ?`, bob).Scan(&m); err != nil {
		t.Fatal(err)
	}
	if n+m != 0 {
		t.Errorf("%d answers and %d plan edits name %s, who wrote none", n, m, bob)
	}
}

// A revision copies the answers and plan edits of the approved assessment
// it revises naming who last saved each, in the transaction that creates
// it; that is all a new assessment lets its creator write under other
// names: rows of an assessment that is no revision or revises a draft, or
// rows that are not exactly the revised assessment's, are refused.
func TestTeamRevisionCopiesOnlyWhatItRevises(t *testing.T) {
	requirePostgres(t)
	schemaDSN := teamSchema(t)
	anaDSN := teamLogin(t, schemaDSN, "identity ana", "analyst")
	bobDSN := teamLogin(t, schemaDSN, "identity bob", "analyst")
	ana, a := openAnswered(t, anaDSN)
	anaSQL, admin := rawTeam(t, anaDSN), rawTeam(t, schemaDSN)
	bob, err := OpenTeam(bobDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bob.Close() })
	useTestKeys(bob)
	bobs := secondControl(a.Questionnaire)
	if err := bob.SaveAnswer(context.Background(), a.ID, assess.Answer{QuestionID: bobs, Value: assess.Value{Choices: []string{"no"}}}); err != nil {
		t.Fatal(err)
	}
	newRow := func(revisionOf string) string {
		return `INSERT INTO assessments (uuid, subject, snapshot_digest, assessed_on, deadlines, created_at, updated_at, revision, revision_of)
			SELECT 'forged-' || md5(random()::text), subject, snapshot_digest, assessed_on, deadlines, 'now', 'now', 2, ` + revisionOf + `
			FROM assessments WHERE id = ` + itoa(a.ID)
	}
	newest := `(SELECT max(id) FROM assessments)`
	copyOf := func(change string) string {
		return `INSERT INTO answers (assessment_id, question_id, value, note, evidence, source, reviewed, updated_at, updated_by)
			SELECT ` + newest + `, question_id, ` + change + `, note, evidence, source, reviewed, updated_at, updated_by
			FROM answers WHERE assessment_id = ` + itoa(a.ID) + ` AND question_id = ` + quoteLiteral(bobs)
	}
	// Only an approved assessment is revised: a "revision" of a draft is
	// refused (since 013, before it copies anything), so it may not copy
	// bob's answer, even exactly.
	if err := tryInTx(t, anaSQL, newRow(itoa(a.ID)), copyOf("value")); err == nil || !strings.Contains(err.Error(), "only an approved assessment is revised") {
		t.Errorf("a revision of a draft copying bob's answer: %v, want the server's refusal", err)
	}
	// The approval is the approvers' business, tested elsewhere: here the
	// superuser marks it approved so that it can be revised.
	if _, err := admin.Exec(`UPDATE assessments SET status = 'approved' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ what, row, answer string }{
		{"a new assessment that revises nothing", newRow("NULL"), copyOf("value")},
		{"a revision, with bob's answer changed", newRow(itoa(a.ID)), copyOf(`'{"choices":["yes"]}'`)},
		{"a revision, with an answer bob never gave", newRow(itoa(a.ID)),
			`INSERT INTO answers (assessment_id, question_id, value, updated_at, updated_by) SELECT ` + newest + `, 'forged-q', '{}', 'now', 'identity bob'`},
	} {
		if err := tryInTx(t, anaSQL, c.row, c.answer); err == nil || !strings.Contains(err.Error(), "must name the login that makes it") {
			t.Errorf("%s naming bob: %v, want the server's refusal", c.what, err)
		}
	}
	// The creating transaction is the server's to record: ana can neither
	// give her assessment this transaction's nor change it.
	if err := tryInTx(t, anaSQL, `UPDATE assessments SET created_xact = pg_current_xact_id() WHERE id = `+itoa(a.ID)); err == nil || !strings.Contains(err.Error(), "never changes") {
		t.Errorf("ana setting the assessment's creating transaction: %v, want the server's refusal", err)
	}

	tx, err := anaSQL.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var own bool
	err = tx.QueryRow(`INSERT INTO assessments (uuid, subject, snapshot_digest, assessed_on, deadlines, created_at, updated_at, created_xact)
		SELECT 'given-' || md5(random()::text), subject, snapshot_digest, assessed_on, deadlines, 'now', 'now', '12345'
		FROM assessments WHERE id = ` + itoa(a.ID) + ` RETURNING created_xact = pg_current_xact_id()`).Scan(&own)
	_ = tx.Rollback()
	if err != nil || !own {
		t.Errorf("an assessment inserted naming its creating transaction: recorded its own %v (%v), want the server's own", own, err)
	}

	// assay revise: the revision's answers name who last saved each.
	rev, err := ana.Revise(context.Background(), a.ID)
	if err != nil {
		t.Fatalf("revise on a team database: %v", err)
	}
	got := map[string]string{}
	rows, err := admin.Query(`SELECT question_id, updated_by FROM answers WHERE assessment_id = ?`, rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var q, by string
		if err := rows.Scan(&q, &by); err != nil {
			t.Fatal(err)
		}
		got[q] = by
	}
	rows.Close()
	want := map[string]string{firstControl(a.Questionnaire): "identity ana", bobs: "identity bob"}
	if len(got) != len(want) || got[firstControl(a.Questionnaire)] != want[firstControl(a.Questionnaire)] || got[bobs] != want[bobs] {
		t.Errorf("the revision's answers name %v, want %v", got, want)
	}
	// Once that transaction is over, the revision is ana's like any other.
	for _, forged := range forgeries(rev, "identity bob") {
		if err := tryInTx(t, anaSQL, forged); err == nil || !strings.Contains(err.Error(), "must name the login that makes it") {
			t.Errorf("%s on the revision afterwards: %v, want the server's refusal", firstLine(forged), err)
		}
	}
}

// secondControl is the second control question of a questionnaire.
func secondControl(q *assess.Questionnaire) string {
	seen := 0
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeControl {
			if seen++; seen == 2 {
				return qq.ID
			}
		}
	}
	return ""
}
