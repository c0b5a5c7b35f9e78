package main

import (
	"context"
	"database/sql"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// assay migrate --to copies the portfolio into the team database in one
// transaction (docs/team.md): killed with SIGKILL midway, it leaves the
// team database as it was, holding nothing of the copy, and the move made
// again succeeds and verifies there.
//
// The kill lands midway by construction, not by timing: a trigger the
// test adds on the team schema's events waits for an advisory lock the
// test holds, so the copy stops at its first audit record, with the
// subjects, assessments and answers before it already inserted; the
// server shows it waiting, and the process is killed there.
func TestMigrateToKilledLeavesTheTeamDatabaseAsItWas(t *testing.T) {
	s, owner, env := portfolioToMove(t, 2, 2)
	before := teamRowCounts(t, s)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	held := holdTheCopyAtItsFirstAuditRecord(ctx, t, s)
	signalWhen(ctx, t, s, syscall.SIGKILL, exec.Command(s.bin, "migrate", "--to", owner.dsn), env, held.waiting(ctx, t, owner))
	held.unlock(ctx, t)
	// The server ends the killed run's session once it finds its client
	// gone, rolling back what it inserted.
	waitForServer(ctx, t, s, "the killed run's session to end", func() bool {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_stat_activity WHERE usename = $1`, owner.login) == 0
	})
	after := teamRowCounts(t, s)
	for table, n := range after {
		if n != before[table] {
			t.Errorf("after migrate --to was killed midway, the team database's %s holds %d rows; it held %d before", table, n, before[table])
		}
	}

	held.drop(ctx, t)
	if r := runProc(s.bin, env, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to after the killed run: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if r := runProc(s.bin, withEnv(env, "ASSAY_DB", owner.dsn), "verify"); r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 2 assessments") {
		t.Errorf("verify on the team database after the second move: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
}

// portfolioToMove is a team server with its owner (an analyst too, whose
// grant the admin signed and the test's key trusts) and a file of
// assessments assessments of answers answers each to move, with the
// environment a run of assay moving it takes.
func portfolioToMove(t *testing.T, assessments, answers int) (*teamServer, *teamPerson, []string) {
	t.Helper()
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	dir := t.TempDir()
	src := filepath.Join(dir, "source.db")
	env := withEnv(procEnv(dir, src), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	largePortfolio(t, dir, src, assessments, answers)
	return s, owner, env
}

// heldCopy is a trigger on the team schema's events that waits for an
// advisory lock the test holds, so that a copy into the team database
// stops at its first audit record, with the subjects, assessments and
// answers before it already inserted.
type heldCopy struct {
	s      *teamServer
	holder *sql.Conn
	key    int64
	fn     string
}

func holdTheCopyAtItsFirstAuditRecord(ctx context.Context, t *testing.T, s *teamServer) *heldCopy {
	t.Helper()
	holder, err := s.raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Close() })
	h := &heldCopy{s: s, holder: holder, key: time.Now().UnixNano(), // advisory locks are the whole database's: one no other test takes
		fn: pgx.Identifier{s.schema, "hold_the_copy"}.Sanitize()}
	if _, err := holder.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, h.key); err != nil {
		t.Fatal(err)
	}
	if _, err := s.raw.ExecContext(ctx, fmt.Sprintf(`CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN PERFORM pg_advisory_xact_lock(%d); RETURN NEW; END $$`, h.fn, h.key)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.raw.ExecContext(ctx, `CREATE TRIGGER hold_the_copy BEFORE INSERT ON `+pgx.Identifier{s.schema, "events"}.Sanitize()+
		` FOR EACH ROW EXECUTE FUNCTION `+h.fn+`()`); err != nil {
		t.Fatal(err)
	}
	return h
}

// waiting is true once the server shows who's copy waiting on the lock.
func (h *heldCopy) waiting(ctx context.Context, t *testing.T, who *teamPerson) func() bool {
	return func() bool {
		return serverCount(ctx, t, h.s, `SELECT COUNT(*) FROM pg_stat_activity
			WHERE usename = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory'`, who.login) > 0
	}
}

// unlock lets a copy held go on.
func (h *heldCopy) unlock(ctx context.Context, t *testing.T) {
	t.Helper()
	if _, err := h.holder.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, h.key); err != nil {
		t.Fatal(err)
	}
}

// drop takes the trigger away, so that copies go through.
func (h *heldCopy) drop(ctx context.Context, t *testing.T) {
	t.Helper()
	for _, stmt := range []string{`DROP TRIGGER hold_the_copy ON ` + pgx.Identifier{h.s.schema, "events"}.Sanitize(), `DROP FUNCTION ` + h.fn + `()`} {
		if _, err := h.s.raw.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
}

// teamRowCounts counts the rows of every table a portfolio is, in the
// test's team schema.
func teamRowCounts(t *testing.T, s *teamServer) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, table := range []string{"questionnaire_snapshots", "subjects", "assessments", "answers", "plan_edits", "events",
		"subject_events", "signoffs", "ledger"} {
		counts[table] = serverCount(context.Background(), t, s, `SELECT COUNT(*) FROM `+pgx.Identifier{s.schema, table}.Sanitize())
	}
	return counts
}

// serverCount runs a COUNT query as the superuser.
func serverCount(ctx context.Context, t *testing.T, s *teamServer, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.raw.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// waitForServer waits, looking again every 20 ms, until cond holds,
// failing the test when ctx ends first.
func waitForServer(ctx context.Context, t *testing.T, s *teamServer, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
