package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// assay checks the archive's rules before it writes, so the server's
// refusal (013) answers only when that check is bypassed. It must then
// read as assay's own: the same words, the same kind of refusal, the
// same remedy, and nothing recorded. Each write below is tried once with
// assay's check and once leaving it to the server (leaveArchiveRulesToServer).
func TestTeamServersArchiveRefusalsReadAsAssays(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	schemaDSN := teamSchema(t)
	ana, dee, _, _, a := reviewTeamIn(t, schemaDSN)
	admin := rawTeam(t, schemaDSN)
	today := assess.DateOf(time.Now())

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
