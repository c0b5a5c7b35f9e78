package main

import (
	"context"
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
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	dir := t.TempDir()
	src := filepath.Join(dir, "source.db")
	env := withEnv(procEnv(dir, src), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	largePortfolio(t, dir, src, 2, 2)
	before := teamRowCounts(t, s)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	holder, err := s.raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	key := time.Now().UnixNano() // advisory locks are the whole database's: one no other test takes
	if _, err := holder.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		t.Fatal(err)
	}
	fn := pgx.Identifier{s.schema, "hold_the_copy"}.Sanitize()
	if _, err := s.raw.ExecContext(ctx, fmt.Sprintf(`CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN PERFORM pg_advisory_xact_lock(%d); RETURN NEW; END $$`, fn, key)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.raw.ExecContext(ctx, `CREATE TRIGGER hold_the_copy BEFORE INSERT ON `+pgx.Identifier{s.schema, "events"}.Sanitize()+
		` FOR EACH ROW EXECUTE FUNCTION `+fn+`()`); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(s.bin, "migrate", "--to", owner.dsn)
	cmd.Env = env
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	waitForServer(ctx, t, s, "the copy waiting at its first audit record", func() bool {
		select {
		case err := <-done:
			t.Fatalf("migrate --to ended before it reached the audit records (%v)\n%s", err, errOut.String())
		default:
		}
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_stat_activity
			WHERE usename = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory'`, owner.login) > 0
	})
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-done
	if _, err := holder.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, key); err != nil {
		t.Fatal(err)
	}
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

	for _, stmt := range []string{`DROP TRIGGER hold_the_copy ON ` + pgx.Identifier{s.schema, "events"}.Sanitize(), `DROP FUNCTION ` + fn + `()`} {
		if _, err := s.raw.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if r := runProc(s.bin, env, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to after the killed run: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if r := runProc(s.bin, withEnv(env, "ASSAY_DB", owner.dsn), "verify"); r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 2 assessments") {
		t.Errorf("verify on the team database after the second move: exit %d\n%s%s", r.code, r.stdout, r.errs)
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
