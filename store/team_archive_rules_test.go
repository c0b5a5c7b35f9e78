package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// assay refuses to sign an archived assessment, to archive one in review
// or approved, and to revise an archived approval (assess.SigningArchivedRefused,
// assess.ArchivingRefused); up to schema 012 the server refused none of
// it, so a team login writing SQL on its own connection, with its own
// password and no assay, could. Each case below is the SQL such a login
// runs, refused since schema 013 with the rule named; assay's own steps
// still go.

// archived is the statement that sets assessment id's archive flag.
func archived(id int64, on bool) string {
	v := "0"
	if on {
		v = "1"
	}
	return `UPDATE assessments SET archived = ` + v + ` WHERE id = ` + itoa(id)
}

// archiveTeam is reviewTeam with the superuser's own connection to its
// schema (admin), which writes what assay and the server's rules refuse,
// as an older server let a login write it.
func archiveTeam(t *testing.T) (ana, dee *DB, anaSQL, deeSQL, admin *sql.DB, a *assess.Assessment) {
	t.Helper()
	requirePostgres(t)
	schemaDSN := teamSchema(t)
	ana, dee, anaSQL, deeSQL, a = reviewTeamIn(t, schemaDSN)
	return ana, dee, anaSQL, deeSQL, rawTeam(t, schemaDSN), a
}

func TestTeamServerRefusesSigningAnArchivedAssessment(t *testing.T) {
	ctx, today := context.Background(), assess.DateOf(time.Now())
	ana, dee, anaSQL, deeSQL, admin, a := archiveTeam(t)

	// A draft archived through assay: its author submits it by SQL.
	if err := ana.SetArchived(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what  string
		sql   *sql.DB
		stmts []string
	}{
		{"ana submitting it", anaSQL, []string{signOff(a.ID, "author", "submitted"), setStatus(a.ID, "in-review")}},
		{"ana moving it to review after her signature", anaSQL, []string{setStatus(a.ID, "in-review")}},
		{"dee giving the DPO's opinion on it", deeSQL, []string{signOff(a.ID, "dpo", "favourable")}},
	} {
		if err := tryInTx(t, c.sql, c.stmts...); err == nil || !strings.Contains(err.Error(), "archived") {
			t.Errorf("%s while archived: %v, want the server's refusal naming the archive", c.what, err)
		}
	}

	// In review and archived (as an older server let it be, or its
	// owner): dee approves or rejects it by SQL.
	if err := ana.SetArchived(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}
	mustExec(t, admin, archived(a.ID, true))
	for _, c := range []struct {
		what  string
		stmts []string
	}{
		{"approving", []string{signOff(a.ID, "reviewer", "approved"), setStatus(a.ID, "approved")}},
		{"rejecting", []string{signOff(a.ID, "reviewer", "rejected"), setStatus(a.ID, "rejected")}},
	} {
		if err := tryInTx(t, deeSQL, c.stmts...); err == nil || !strings.Contains(err.Error(), "archived") {
			t.Errorf("dee %s an archived assessment: %v, want the server's refusal naming the archive", c.what, err)
		}
	}
	if err := tryInTx(t, anaSQL, signOff(a.ID, "author", "withdrawn"), setStatus(a.ID, "draft")); err == nil || !strings.Contains(err.Error(), "archived") {
		t.Errorf("ana withdrawing an archived assessment: %v, want the server's refusal naming the archive", err)
	}
	if got := statusOf(t, admin, a.ID); got != "in-review" {
		t.Errorf("after the refusals the assessment is %s, want in-review", got)
	}

	// Restored, it is signed through assay as ever.
	mustExec(t, admin, archived(a.ID, false))
	if _, err := dee.Review(ctx, a.ID, assess.ActApprove, today, "fine"); err != nil {
		t.Errorf("dee's approval through assay once restored: %v", err)
	}
}

func TestTeamServerRefusesArchivingInReviewOrApproved(t *testing.T) {
	ctx, today := context.Background(), assess.DateOf(time.Now())
	ana, dee, anaSQL, _, admin, a := archiveTeam(t)

	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}
	if err := tryInTx(t, anaSQL, archived(a.ID, true)); err == nil || !strings.Contains(err.Error(), "in review") {
		t.Errorf("ana archiving an assessment in review: %v, want the server's refusal", err)
	}
	if _, err := dee.Review(ctx, a.ID, assess.ActApprove, today, "fine"); err != nil {
		t.Fatal(err)
	}
	if err := tryInTx(t, anaSQL, archived(a.ID, true)); err == nil || !strings.Contains(err.Error(), "approved") {
		t.Errorf("ana archiving an approved assessment: %v, want the server's refusal", err)
	}
	var flag int
	if err := admin.QueryRow(`SELECT archived FROM assessments WHERE id = ?`, a.ID).Scan(&flag); err != nil || flag != 0 {
		t.Errorf("after the refusals the archive flag is %d (%v), want 0", flag, err)
	}

	// An archived approval (as an older server let it be) is not revised
	// by SQL, nor is a draft.
	revisionOf := func(id int64) string {
		return `INSERT INTO assessments (uuid, subject, snapshot_digest, assessed_on, deadlines, created_at, updated_at, revision, revision_of)
			SELECT 'forged-' || md5(random()::text), subject, snapshot_digest, assessed_on, deadlines, 'now', 'now', revision + 1, id
			FROM assessments WHERE id = ` + itoa(id)
	}
	mustExec(t, admin, archived(a.ID, true))
	if err := tryInTx(t, anaSQL, revisionOf(a.ID)); err == nil || !strings.Contains(err.Error(), "archived") {
		t.Errorf("ana revising an archived approval: %v, want the server's refusal naming the archive", err)
	}
	draft := &assess.Assessment{Subject: "Draft Vendor", SubjectKind: "vendor", Questionnaire: a.Questionnaire, AssessedOn: today}
	if err := ana.CreateAssessment(ctx, draft); err != nil {
		t.Fatal(err)
	}
	if err := tryInTx(t, anaSQL, revisionOf(draft.ID)); err == nil || !strings.Contains(err.Error(), "only an approved assessment") {
		t.Errorf("ana revising a draft: %v, want the server's refusal", err)
	}

	// Restored, the approval is revised through assay as ever, and the
	// revision, a draft, is archived and restored.
	mustExec(t, admin, archived(a.ID, false))
	rev, err := ana.Revise(ctx, a.ID)
	if err != nil {
		t.Fatalf("revise through assay: %v", err)
	}
	if err := ana.SetArchived(ctx, rev.ID, true); err != nil {
		t.Errorf("archiving the revision, a draft: %v", err)
	}
	if err := ana.SetArchived(ctx, rev.ID, false); err != nil {
		t.Errorf("restoring the revision: %v", err)
	}
}

// assay checks the archive's rules before it writes, so the server's
// refusal (013) answers only when that check is bypassed. It must then
// read as assay's own: the same words, the same kind of refusal, the
// same remedy, and nothing recorded. Each write below is tried once with
// assay's check and once leaving it to the server (leaveArchiveRulesToServer).
func TestTeamServersArchiveRefusalsReadAsAssays(t *testing.T) {
	ctx, today := context.Background(), assess.DateOf(time.Now())
	ana, dee, _, _, admin, a := archiveTeam(t)

	// sameRefusal runs write on h with assay's check, then without, and
	// wants the server's refusal to be assay's, recording nothing.
	sameRefusal := func(what string, h *DB, write func(*DB) error) {
		t.Helper()
		before := writesOf(t, admin)
		own := write(h)
		leaveArchiveRulesToServer(h, true)
		server := write(h)
		leaveArchiveRulesToServer(h, false)
		var ownErr, serverErr *assess.Error
		if !errors.As(own, &ownErr) {
			t.Fatalf("%s, assay's own check: %v (%T), want its refusal", what, own, own)
		}
		if !errors.As(server, &serverErr) || server.Error() != own.Error() {
			t.Errorf("%s, left to the server:\n  %v (%T)\nwant assay's own words:\n  %v", what, server, server, own)
		} else if serverErr.Code != ownErr.Code || serverErr.Remedy != ownErr.Remedy || serverErr.RemedyOn != ownErr.RemedyOn {
			t.Errorf("%s, left to the server: %+v, want assay's %+v", what, *serverErr, *ownErr)
		}
		if after := writesOf(t, admin); after != before {
			t.Errorf("%s: the refusals recorded something (%s, then %s)", what, before, after)
		}
	}

	// A draft, archived.
	if err := ana.SetArchived(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	sameRefusal("submitting an archived draft", ana, func(h *DB) error {
		_, err := h.Review(ctx, a.ID, assess.ActSubmit, today, "ready")
		return err
	})
	// In review, archived behind assay's back (as an older server let it).
	if err := ana.SetArchived(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}
	sameRefusal("archiving an assessment in review", ana, func(h *DB) error { return h.SetArchived(ctx, a.ID, true) })
	mustExec(t, admin, archived(a.ID, true))
	sameRefusal("approving an archived assessment", dee, func(h *DB) error {
		_, err := h.Review(ctx, a.ID, assess.ActApprove, today, "fine")
		return err
	})
	sameRefusal("withdrawing an archived assessment", ana, func(h *DB) error {
		_, err := h.Review(ctx, a.ID, assess.ActWithdraw, today, "again")
		return err
	})
	mustExec(t, admin, archived(a.ID, false))
	if _, err := dee.Review(ctx, a.ID, assess.ActApprove, today, "fine"); err != nil {
		t.Fatal(err)
	}
	sameRefusal("archiving an approved assessment", ana, func(h *DB) error { return h.SetArchived(ctx, a.ID, true) })
	mustExec(t, admin, archived(a.ID, true))
	sameRefusal("revising an archived approval", ana, func(h *DB) error {
		_, err := h.Revise(ctx, a.ID)
		return err
	})
}

// writesOf counts what the team schema of admin holds: assessments,
// sign-offs, audit records and their archive flags.
func writesOf(t *testing.T, admin *sql.DB) string {
	t.Helper()
	var s string
	if err := admin.QueryRow(`SELECT (SELECT count(*) FROM assessments) || ' assessments, ' || (SELECT count(*) FROM signoffs) || ' sign-offs, ' ||
		(SELECT count(*) FROM events) || ' audit records, ' || (SELECT count(*) FROM assessments WHERE archived <> 0) || ' archived'`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// The signatures assay writes, and no other: a DPO's opinion is one of
// assay's three, a rejection and an opinion that is not favourable give
// their reasons, a submission signs a draft or a rejected assessment and
// a withdrawal one in review, each moving its status in its transaction.
func TestTeamServerTakesOnlyTheSignaturesAssayWrites(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	ana, dee, anaSQL, deeSQL, a := reviewTeam(t)
	today := assess.DateOf(time.Now())
	blank := func(stmt string) string { return strings.Replace(stmt, "'by SQL'", "'  '", 1) }

	for _, c := range []struct {
		what string
		stmt string
		want string
	}{
		{"a DPO opinion assay has no word for", signOff(a.ID, "dpo", "approved"), `"approved"`},
		{"a DPO opinion assay has no word for", signOff(a.ID, "dpo", "whatever you like"), "whatever you like"},
		{"an unfavourable opinion with no reasons", blank(signOff(a.ID, "dpo", "unfavourable")), "comment"},
		{"an opinion with reservations and no reasons", blank(signOff(a.ID, "dpo", "favourable-with-reservations")), "comment"},
	} {
		if err := tryInTx(t, deeSQL, c.stmt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("dee signing %s: %v, want the server's refusal naming %q", c.what, err, c.want)
		}
	}
	if err := tryInTx(t, deeSQL, blank(signOff(a.ID, "dpo", "favourable"))); err != nil {
		t.Errorf("dee's favourable opinion, no comment needed: %v", err)
	}
	for _, c := range []struct {
		what  string
		stmts []string
		want  string
	}{
		{"withdrawing a draft", []string{signOff(a.ID, "author", "withdrawn")}, "in review"},
		{"a submission leaving the status a draft", []string{signOff(a.ID, "author", "submitted")}, "left draft"},
	} {
		if err := tryInTx(t, anaSQL, c.stmts...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ana %s: %v, want the server's refusal naming %q", c.what, err, c.want)
		}
	}

	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}
	// A second submission of what is in review (the last submitter is
	// whom four eyes holds back) and a rejection with no reasons.
	if err := tryInTx(t, anaSQL, signOff(a.ID, "author", "submitted")); err == nil || !strings.Contains(err.Error(), "draft or a rejected") {
		t.Errorf("ana submitting an assessment in review again: %v, want the server's refusal", err)
	}
	if err := tryInTx(t, deeSQL, blank(signOff(a.ID, "reviewer", "rejected")), setStatus(a.ID, "rejected")); err == nil || !strings.Contains(err.Error(), "comment") {
		t.Errorf("dee rejecting with no reasons: %v, want the server's refusal", err)
	}
	if n := signOffCount(t, anaSQL, a.ID); n != 2 {
		t.Errorf("the refusals left %d signatures, want the DPO's opinion and the submission", n)
	}

	// assay's own steps go (its DPO opinions, on privacy assessments,
	// in the contract suite: lifecycle_test.go).
	if _, err := dee.Review(ctx, a.ID, assess.ActReject, today, "shorten retention"); err != nil {
		t.Errorf("dee's rejection through assay: %v", err)
	}
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "shortened"); err != nil {
		t.Errorf("ana's resubmission through assay: %v", err)
	}
	if _, err := ana.Review(ctx, a.ID, assess.ActWithdraw, today, "one more change"); err != nil {
		t.Errorf("ana's withdrawal through assay: %v", err)
	}
}

// A team database at 012 may hold what 013 refuses: an assessment
// archived in review, an approval archived. The upgrade leaves them as
// they are; while archived nobody signs or revises them, and restored
// they go on through assay.
func TestTeamUpgradeTo013LeavesArchivedRowsAsTheyAre(t *testing.T) {
	ctx := context.Background()
	schemaDSN, raw := olderTeam(t, "012_team_identity")
	ana, dee, anaSQL, deeSQL, inReview := reviewTeamIn(t, schemaDSN)
	today := assess.DateOf(time.Now())
	approved := &assess.Assessment{Subject: "Approved Vendor", SubjectKind: "vendor", Questionnaire: inReview.Questionnaire, AssessedOn: today}
	if err := ana.CreateAssessment(ctx, approved); err != nil {
		t.Fatal(err)
	}
	if err := ana.SaveAnswers(ctx, approved.ID, completeAnswers()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		db     *DB
		id     int64
		action assess.Action
	}{{ana, inReview.ID, assess.ActSubmit}, {ana, approved.ID, assess.ActSubmit}, {dee, approved.ID, assess.ActApprove}} {
		if _, err := s.db.Review(ctx, s.id, s.action, today, "because"); err != nil {
			t.Fatal(err)
		}
	}
	// What 012 let ana do by SQL.
	for _, id := range []int64{inReview.ID, approved.ID} {
		if err := tryInTx(t, anaSQL, archived(id, true)); err != nil {
			t.Fatalf("012 refused archiving assessment %d already (%v): this test no longer shows what 013 changes", id, err)
		}
	}
	mustExec(t, raw, `DELETE FROM schema_migrations WHERE applied_at = 'pretend'`)

	anaDSN := teamLogin(t, schemaDSN, "steps ana", "analyst", "approver")
	upgradeTeam(t, schemaDSN, anaDSN, "012",
		[]string{"CREATE OR REPLACE FUNCTION assay_signoff()", "CREATE OR REPLACE FUNCTION assay_assessment_update()", "'013_archive_and_signoff_rules'"},
		[]string{"'012_team_identity'"})
	for _, c := range []struct {
		id     int64
		status string
	}{{inReview.ID, "in-review"}, {approved.ID, "approved"}} {
		var flag int
		var st string
		if err := raw.QueryRow(`SELECT archived, status FROM assessments WHERE id = ?`, c.id).Scan(&flag, &st); err != nil || flag != 1 || st != c.status {
			t.Errorf("after the upgrade assessment %d is archived=%d %s (%v), want archived and %s", c.id, flag, st, err, c.status)
		}
	}

	ana, dee = openTeamWithTestKey(t, anaDSN), openTeamWithTestKey(t, teamLogin(t, schemaDSN, "steps dee", "approver"))
	if err := tryInTx(t, deeSQL, signOff(inReview.ID, "reviewer", "approved"), setStatus(inReview.ID, "approved")); err == nil || !strings.Contains(err.Error(), "archived") {
		t.Errorf("dee approving the assessment archived in review by SQL: %v, want the server's refusal", err)
	}
	if _, err := ana.Revise(ctx, approved.ID); err == nil || !strings.Contains(err.Error(), "archived") {
		t.Errorf("ana revising the archived approval: %v, want the refusal naming the archive", err)
	}
	for _, id := range []int64{inReview.ID, approved.ID} {
		if err := ana.SetArchived(ctx, id, false); err != nil {
			t.Errorf("restoring assessment %d after the upgrade: %v", id, err)
		}
	}
	if _, err := dee.Review(ctx, inReview.ID, assess.ActApprove, today, "fine"); err != nil {
		t.Errorf("dee's approval once restored: %v", err)
	}
	if _, err := ana.Revise(ctx, approved.ID); err != nil {
		t.Errorf("ana's revision of the approval once restored: %v", err)
	}
}
