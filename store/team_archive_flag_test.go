package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Up to schema 013 the team schema's archive flag took any integer: a
// team login in psql could set 7 or -1 where assay writes 0 or 1. Schema
// 014 holds it to 0 or 1 with a rule added NOT VALID, so that a database
// already holding such a row still migrates, the row left as it is; what
// is written from then on keeps the rule. assay's own change to such a
// row is refused in assay's words, saying how to put it right.
func TestTeamUpgradeTo014KeepsArchiveFlagsAssayNeverWrote(t *testing.T) {
	ctx := context.Background()
	schemaDSN, raw := olderTeam(t, "013_archive_and_signoff_rules")
	ana, _, anaSQL, _, seven := reviewTeamIn(t, schemaDSN)
	today := assess.DateOf(time.Now())
	minusOne := &assess.Assessment{Subject: "Minus One Ltd", SubjectKind: "vendor", Questionnaire: seven.Questionnaire, AssessedOn: today}
	if err := ana.CreateAssessment(ctx, minusOne); err != nil {
		t.Fatal(err)
	}
	// What 013 let a team login and the superuser write.
	if err := tryInTx(t, anaSQL, `UPDATE assessments SET archived = 7 WHERE id = `+itoa(seven.ID)); err != nil {
		t.Fatalf("013 refused an archive flag of 7 already (%v): this test no longer shows what 014 changes", err)
	}
	mustExec(t, raw, `UPDATE assessments SET archived = -1 WHERE id = `+itoa(minusOne.ID))
	mustExec(t, raw, `DELETE FROM schema_migrations WHERE applied_at = 'pretend'`)

	anaDSN := teamLogin(t, schemaDSN, "steps ana", "analyst", "approver")
	upgradeTeam(t, schemaDSN, anaDSN, "013",
		[]string{"ADD CONSTRAINT " + archivedFlagConstraint + " CHECK (archived IN (0, 1)) NOT VALID", "'014_archived_is_0_or_1'"},
		[]string{"'013_archive_and_signoff_rules'", "VALIDATE CONSTRAINT"})
	for id, want := range map[int64]int{seven.ID: 7, minusOne.ID: -1} {
		var flag int
		if err := raw.QueryRow(`SELECT archived FROM assessments WHERE id = ?`, id).Scan(&flag); err != nil || flag != want {
			t.Errorf("after the upgrade assessment %d's archive flag is %d (%v), want %d as it was", id, flag, err, want)
		}
	}

	// From now on, nobody writes a flag but 0 or 1: not a team login, not
	// the superuser, not in a new row.
	ana = openTeamWithTestKey(t, anaDSN)
	draft := &assess.Assessment{Subject: "Draft Ltd", SubjectKind: "vendor", Questionnaire: seven.Questionnaire, AssessedOn: today}
	if err := ana.CreateAssessment(ctx, draft); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		who  string
		db   *sql.DB
		stmt string
	}{
		{"ana", anaSQL, `UPDATE assessments SET archived = 7 WHERE id = ` + itoa(draft.ID)},
		{"the superuser", raw, `UPDATE assessments SET archived = 2 WHERE id = ` + itoa(draft.ID)},
		{"ana, in a new row", anaSQL, `INSERT INTO assessments (uuid, subject, snapshot_digest, assessed_on, deadlines, created_at, updated_at, archived)
			SELECT 'flagged-' || md5(random()::text), subject, snapshot_digest, assessed_on, deadlines, 'now', 'now', 5
			FROM assessments WHERE id = ` + itoa(draft.ID)},
	} {
		if err := tryInTx(t, c.db, c.stmt); err == nil || !strings.Contains(err.Error(), archivedFlagConstraint) {
			t.Errorf("%s writing an archive flag assay never writes: %v, want the server's refusal naming %s", c.who, err, archivedFlagConstraint)
		}
	}

	// Such a row takes no change until it is put right: assay says so
	// before the server would (the flag read with the row), and restoring
	// it (writing 0) is the change that puts it right.
	answer := []assess.Answer{choice("mfa", "yes")}
	err := ana.SaveAnswers(ctx, seven.ID, answer)
	wantCode(t, err, assess.EInvalid, "assessment "+itoa(seven.ID)+"'s archive flag is neither 0 nor 1")
	for _, says := range []string{"set outside assay", "restores it"} {
		if !strings.Contains(err.Error(), says) {
			t.Errorf("the refusal of a change to assessment %d does not say %q: %v", seven.ID, says, err)
		}
	}
	if err := ana.SetArchived(ctx, seven.ID, false); err != nil {
		t.Fatalf("restoring assessment %d: %v", seven.ID, err)
	}
	if err := ana.SaveAnswers(ctx, seven.ID, answer); err != nil {
		t.Errorf("an answer to assessment %d once restored: %v", seven.ID, err)
	}
}
