package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A team database at 003 let a login that is both analyst and approver
// reject its own submission by SQL (assay refused it; the server checked
// approvals only). Once an owner runs assay team init, which applies 004
// and the migrations after it, the server refuses it too and names the
// withdrawal, and so does assay, whose refusal in team mode is now the
// server's, given in the domain's words (007 marks it).
func TestTeamSchemaUpgradeFrom003(t *testing.T) {
	ctx := context.Background()
	schemaDSN, raw := olderTeam(t, "003_key_owner")
	anaDSN := teamLogin(t, schemaDSN, "upgrade3 ana", "analyst", "approver")
	ana, a := openAnswered(t, anaDSN)
	today := assess.DateOf(time.Now())
	if _, err := ana.Review(ctx, a.ID, assess.ActSubmit, today, "ready", assess.AcceptUnconfirmed); err != nil {
		t.Fatal(err)
	}
	ana.Close()
	mustExec(t, raw, `DELETE FROM schema_migrations WHERE applied_at = 'pretend'`)

	anaSQL := rawTeam(t, anaDSN)
	reject := `INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
		VALUES (` + itoa(a.ID) + `, 'reviewer', session_user, '` + today.String() + `', 'rejected', 'not ready', 1, 'now')`
	tx, err := anaSQL.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(reject); err != nil {
		t.Fatalf("003 refused the submitter's rejection already (%v): this test no longer shows what 004 changes", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}

	upgradeTeam(t, schemaDSN, anaDSN, "003",
		[]string{"CREATE OR REPLACE FUNCTION assay_signoff()", "'004_submitter_reject'"},
		[]string{"'003_key_owner'"})

	before := signOffCount(t, raw, a.ID)
	// The server's words since 007: no command line's in them.
	wantServer := "four eyes: upgrade3 ana submitted this assessment and may not reject it; another approver must, or upgrade3 ana withdraws it"
	if _, err := anaSQL.Exec(reject); err == nil || !strings.Contains(err.Error(), wantServer) || strings.Contains(err.Error(), "assay review") {
		t.Errorf("the submitter's own rejection by SQL after the upgrade: %v, want %q", err, wantServer)
	}
	// assay's are the domain's, with the withdrawal as its remedy.
	wantAssay := "upgrade3 ana submitted it for review and may not reject it: on the team database someone else must (four eyes); nothing was recorded, and upgrade3 ana can withdraw it (assay review " + itoa(a.ID) + " --withdraw)"
	ana, err = OpenTeam(anaDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	useTestKeys(ana)
	if _, err := ana.Review(ctx, a.ID, assess.ActReject, today, "not ready"); err == nil || !strings.Contains(err.Error(), wantAssay) {
		t.Errorf("the submitter's own rejection through assay: %v, want the server's refusal as %q", err, wantAssay)
	}
	if after := signOffCount(t, raw, a.ID); after != before {
		t.Errorf("the refused rejections left %d signatures, were %d", after, before)
	}
	if _, err := ana.Review(ctx, a.ID, assess.ActWithdraw, today, "back to work"); err != nil {
		t.Errorf("the submitter withdrawing: %v", err)
	}
}

func signOffCount(t *testing.T, raw interface {
	QueryRow(string, ...any) *sql.Row
}, id int64) int {
	t.Helper()
	var n int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM signoffs WHERE assessment_id = ?`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
