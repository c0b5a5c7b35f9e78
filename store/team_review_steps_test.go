package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// docs/team.md promises four eyes "through assay or by SQL". An insider
// holding the analyst and approver roles works in SQL on their own
// connection (or with an assay of their own making, which signs what it
// writes with their own key, so that verify finds nothing to object to):
// every step of the review must be the server's to refuse.

// reviewTeam is a team schema with ana (analyst and approver), dee
// (approver) and an assessment of ana's, answered in full; it returns
// each login's handle and raw connection.
func reviewTeam(t *testing.T) (ana, dee *DB, anaSQL, deeSQL *sql.DB, a *assess.Assessment) {
	t.Helper()
	return reviewTeamIn(t, teamSchema(t))
}

// reviewTeamIn is reviewTeam on the team schema of schemaDSN.
func reviewTeamIn(t *testing.T, schemaDSN string) (ana, dee *DB, anaSQL, deeSQL *sql.DB, a *assess.Assessment) {
	t.Helper()
	anaDSN := teamLogin(t, schemaDSN, "steps ana", "analyst", "approver")
	deeDSN := teamLogin(t, schemaDSN, "steps dee", "approver")
	open := func(dsn string) *DB {
		db, err := OpenTeam(dsn, questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return useTestKeys(db)
	}
	ana, dee = open(anaDSN), open(deeDSN)
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("loading vendor-tiering: %v %v", err, problems)
	}
	a = &assess.Assessment{Subject: "Steps Vendor", SubjectKind: "vendor", Questionnaire: q, AssessedOn: assess.DateOf(time.Now())}
	if err := ana.CreateAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := ana.SaveAnswers(context.Background(), a.ID, completeAnswers()); err != nil {
		t.Fatal(err)
	}
	return ana, dee, rawTeam(t, anaDSN), rawTeam(t, deeDSN), a
}

func statusOf(t *testing.T, raw *sql.DB, id int64) string {
	t.Helper()
	var s string
	if err := raw.QueryRow(`SELECT status FROM assessments WHERE id = ?`, id).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func signOff(id int64, role, decision string) string {
	return `INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
		VALUES (` + itoa(id) + `, '` + role + `', session_user, '` + assess.DateOf(time.Now()).String() + `', '` + decision + `', 'by SQL', 1, 'now')`
}

func setStatus(id int64, status string) string {
	return `UPDATE assessments SET status = '` + status + `' WHERE id = ` + itoa(id)
}

// An approver who submitted an assessment moves it to approved or
// rejected with no signature, or from draft past review, or signs one
// decision and sets the other; an analyst creates one approved already.
func TestTeamStatusFollowsItsSignature(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	ana, dee, anaSQL, deeSQL, a := reviewTeam(t)
	today := assess.DateOf(time.Now())

	// A draft: nobody approves or rejects it, with a signature or without.
	for _, c := range []struct {
		what  string
		stmts []string
		want  string
	}{
		{"approved with no signature", []string{setStatus(a.ID, "approved")}, "not in review"},
		{"approved past review, signed", []string{signOff(a.ID, "reviewer", "approved"), setStatus(a.ID, "approved")}, "not in review"},
		{"rejected past review, signed", []string{signOff(a.ID, "reviewer", "rejected"), setStatus(a.ID, "rejected")}, "not in review"},
		{"an approval signed on a draft, the status left", []string{signOff(a.ID, "reviewer", "approved")}, "not in review"},
		{"submitted with no signature", []string{setStatus(a.ID, "in-review")}, "signature"},
		{"a status assay has no word for", []string{setStatus(a.ID, "signed-off")}, "signed-off"},
	} {
		if err := tryInTx(t, anaSQL, c.stmts...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ana's draft %s: %v, want the server's refusal naming %q", c.what, err, c.want)
		}
	}
	// Created approved, or in review, by an INSERT of its own.
	for _, st := range []string{"approved", "in-review", "rejected"} {
		forged := `INSERT INTO assessments (uuid, subject, snapshot_digest, assessed_on, deadlines, status, created_at, updated_at)
			SELECT 'forged-` + st + `', subject, snapshot_digest, assessed_on, deadlines, '` + st + `', 'now', 'now' FROM assessments WHERE id = ` + itoa(a.ID)
		if err := tryInTx(t, anaSQL, forged); err == nil || !strings.Contains(err.Error(), "starts as a draft") {
			t.Errorf("ana creating an assessment %s: %v, want the server's refusal", st, err)
		}
	}

	// Submitted by ana through assay: she may not approve or reject it,
	// with a signature (four eyes, 004) or without one.
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what  string
		stmts []string
	}{
		{"approved with no signature", []string{setStatus(a.ID, "approved")}},
		{"rejected with no signature", []string{setStatus(a.ID, "rejected")}},
		{"back to draft with no signature", []string{setStatus(a.ID, "draft")}},
	} {
		if err := tryInTx(t, anaSQL, c.stmts...); err == nil || !strings.Contains(err.Error(), "signature") {
			t.Errorf("ana's own submission %s: %v, want the server's refusal", c.what, err)
		}
	}
	// Dee signs one decision and sets the other, or signs and leaves the
	// status as it was.
	for _, c := range []struct {
		what  string
		stmts []string
		want  string
	}{
		{"signed approved, set rejected", []string{signOff(a.ID, "reviewer", "approved"), setStatus(a.ID, "rejected")}, "signature"},
		{"signed rejected, set approved", []string{signOff(a.ID, "reviewer", "rejected"), setStatus(a.ID, "approved")}, "signature"},
		{"signed approved, status left in review", []string{signOff(a.ID, "reviewer", "approved")}, "in-review"},
		{"a decision assay has no word for", []string{signOff(a.ID, "reviewer", "waved through")}, "waved through"},
	} {
		if err := tryInTx(t, deeSQL, c.stmts...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("dee %s: %v, want the server's refusal naming %q", c.what, err, c.want)
		}
	}
	if got := statusOf(t, deeSQL, a.ID); got != "in-review" {
		t.Fatalf("after the refusals the assessment is %s, want in-review", got)
	}
	if n := signOffCount(t, deeSQL, a.ID); n != 1 {
		t.Errorf("the refusals left %d signatures, want the submission's alone", n)
	}

	// Through assay each step still goes: dee rejects, ana withdraws
	// after submitting again, submits once more, dee approves; and all
	// of it verifies.
	steps := []struct {
		db     *DB
		action assess.Action
	}{{dee, assess.ActReject}, {ana, assess.ActSubmit}, {ana, assess.ActWithdraw}, {ana, assess.ActSubmit}, {dee, assess.ActApprove}}
	for _, s := range steps {
		if _, err := s.db.Review(ctx, a.ID, s.action, today, "because"); err != nil {
			t.Fatalf("%s through assay: %v", s.action, err)
		}
	}
	if got := statusOf(t, anaSQL, a.ID); got != "approved" {
		t.Errorf("through assay the assessment ends %s, want approved", got)
	}
	if res, err := dee.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Errorf("verify after the review through assay: %v %v", res.Broken, err)
	}
}

// A sign-off's number orders the signatures, and four eyes reads the last
// submission by it: a submission numbered below an earlier one's would
// leave four eyes reading the earlier submitter's name.
func TestTeamSignOffsAreNumberedByTheServer(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	_, dee, anaSQL, deeSQL, a := reviewTeam(t)
	today := assess.DateOf(time.Now())
	// Dee, an approver only, cannot submit: a submission of hers is in
	// the record only if the server numbers one. Ana's own, numbered 0:
	early := strings.Replace(strings.Replace(signOff(a.ID, "author", "submitted"), "(assessment_id,", "(id, assessment_id,", 1), "VALUES (", "VALUES (0, ", 1)
	if err := tryInTx(t, anaSQL, early); err == nil || !strings.Contains(err.Error(), "numbers") {
		t.Errorf("ana's submission numbered 0: %v, want the server's refusal", err)
	}
	if err := tryInTx(t, deeSQL, `SELECT setval(pg_get_serial_sequence('signoffs', 'id'), 1)`); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("dee setting the sign-offs' numbering back: %v, want permission denied", err)
	}
	if _, err := dee.Review(ctx, a.ID, assess.ActSubmit, today, "mine"); err == nil {
		t.Error("dee, an approver only, submitted")
	}
}

// Every writer may lock the ledger's tip, the row that says which entry
// comes next; moving it made the next person's honest entry break the
// ledger for good, read as theirs. An entry not following the last one
// broke it the same way.
func TestTeamLedgerTipFollowsTheLedger(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	ana, dee, anaSQL, _, a := reviewTeam(t)
	for _, stmt := range []string{
		`UPDATE ledger_tip SET seq = seq + 5`,
		`UPDATE ledger_tip SET hash = 'deadbeef'`,
		`UPDATE ledger_tip SET seq = 1, hash = (SELECT hash FROM ledger WHERE seq = 1)`,
	} {
		if err := tryInTx(t, anaSQL, stmt); err == nil || !strings.Contains(err.Error(), "ledger's last entry") {
			t.Errorf("ana's %s: %v, want the server's refusal", stmt, err)
		}
	}
	var key, tipHash string
	var tip int64
	if err := anaSQL.QueryRow(`SELECT t.seq, t.hash, l.key_id FROM ledger_tip t JOIN ledger l ON l.seq = t.seq`).Scan(&tip, &tipHash, &key); err != nil {
		t.Fatal(err)
	}
	entry := func(seq int64, prev string) string {
		return `INSERT INTO ledger (seq, at, kind, key_id, note, leaves, prev_hash, hash, signature)
			SELECT ` + itoa(seq) + `, 'now', 'write', key_id, '', '[]', ` + quoteLiteral(prev) + `, 'h', 's' FROM ledger WHERE key_id = ` + quoteLiteral(key) + ` LIMIT 1`
	}
	for _, c := range []struct{ what, stmt string }{
		{"numbered past the next", entry(tip+2, tipHash)},
		{"linked to nothing", entry(tip+1, "deadbeef")},
	} {
		if err := tryInTx(t, anaSQL, c.stmt); err == nil || !strings.Contains(err.Error(), "ledger's last entry") {
			t.Errorf("ana's ledger entry %s: %v, want the server's refusal", c.what, err)
		}
	}
	// What assay writes still goes, and verifies.
	if err := ana.SaveAnswer(ctx, a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if res, err := dee.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Errorf("verify: %v %v", res.Broken, err)
	}
}

// A team database at 004 let a login holding the analyst and approver
// roles approve its own submission with no signature. Once an owner runs
// assay team init, which applies 005 alone, the server refuses it.
func TestTeamSchemaUpgradeFrom004(t *testing.T) {
	ctx := context.Background()
	schemaDSN, raw := olderTeam(t, "004_submitter_reject")
	anaDSN := teamLogin(t, schemaDSN, "upgrade4 ana", "analyst", "approver")
	ana, a := openAnswered(t, anaDSN)
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, assess.DateOf(time.Now()), "ready", assess.AcceptUnconfirmed); err != nil {
		t.Fatal(err)
	}
	ana.Close()
	mustExec(t, raw, `DELETE FROM schema_migrations WHERE applied_at = 'pretend'`)

	anaSQL := rawTeam(t, anaDSN)
	tx, err := anaSQL.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(setStatus(a.ID, "approved")); err != nil {
		t.Fatalf("004 refused the submitter's approval with no signature already (%v): this test no longer shows what 005 changes", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}

	upgradeTeam(t, schemaDSN, anaDSN, "004",
		[]string{"CREATE OR REPLACE FUNCTION assay_assessment_update()", "CREATE TRIGGER ledger_tip_follows", "'005_review_steps'"},
		[]string{"'004_submitter_reject'"})
	if err := tryInTx(t, anaSQL, setStatus(a.ID, "approved")); err == nil || !strings.Contains(err.Error(), "without its signature") {
		t.Errorf("the submitter's approval with no signature after the upgrade: %v, want the server's refusal", err)
	}
	if got := statusOf(t, anaSQL, a.ID); got != "in-review" {
		t.Errorf("after the upgrade the assessment is %s, want in-review", got)
	}
}
