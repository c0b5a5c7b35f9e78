package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// assay migrate stopped by Ctrl-C says one thing, in assay's words: that
// it was interrupted, that nothing was copied, that the target is as it
// was (or, a file being made, not made), and that running it again starts
// afresh; the exit status is a shell's for SIGINT (130). Before, it said
// "context canceled" and then the general "interrupted; every change
// assay confirmed is saved".
//
// The interrupt lands during the copy by construction, as in the killed
// runs' tests: the copy waits on a lock the test holds.
func TestMigrateFromInterruptedSaysNothingWasCopiedInItsOwnWords(t *testing.T) {
	s, owner, env := portfolioToMove(t, 2, 2)
	if r := runProc(s.bin, env, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to: exit %d: %s", r.code, r.errs)
	}
	target := filepath.Join(t.TempDir(), "archive.db")
	code, errs := interruptMigrateFrom(t, s, withEnv(env, "ASSAY_DB", target), owner, "events")
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("migrate --from interrupted left %s (%v)", target, err)
	}
	checkInterruptedMigrate(t, "migrate --from", code, errs, target+" was not created")
}

func TestMigrateToInterruptedSaysNothingWasCopiedInItsOwnWords(t *testing.T) {
	s, owner, env := portfolioToMove(t, 2, 2)
	before := teamRowCounts(t, s)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	held := holdTheCopyAtItsFirstAuditRecord(ctx, t, s)
	defer held.unlock(context.Background(), t)
	code, errs := signalWhen(ctx, t, s, syscall.SIGINT, exec.Command(s.bin, "migrate", "--to", owner.dsn), env, held.waiting(ctx, t, owner))
	waitForServer(ctx, t, s, "the interrupted run's session to end", func() bool {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_stat_activity WHERE usename = $1`, owner.login) == 0
	})
	for table, n := range teamRowCounts(t, s) {
		if n != before[table] {
			t.Errorf("after migrate --to was interrupted, the team database's %s holds %d rows; it held %d before", table, n, before[table])
		}
	}
	checkInterruptedMigrate(t, "migrate --to", code, errs, "is as it was")
}

// checkInterruptedMigrate checks what an interrupted migrate said: one
// message, in assay's words, naming the target's state (target).
func checkInterruptedMigrate(t *testing.T, what string, code int, errs, target string) {
	t.Helper()
	if code != 130 {
		t.Errorf("%s interrupted: exit %d; want 130 (a shell's for SIGINT)", what, code)
	}
	for _, raw := range []string{"context canceled", "every change assay confirmed is saved"} {
		if strings.Contains(errs, raw) {
			t.Errorf("%s interrupted says %q:\n%s", what, raw, errs)
		}
	}
	for _, want := range []string{"interrupted", "nothing was copied", target, "starts afresh"} {
		if !strings.Contains(errs, want) {
			t.Errorf("%s interrupted does not say %q:\n%s", what, want, errs)
		}
	}
	if n := strings.Count(errs, "assay: "); n != 1 {
		t.Errorf("%s interrupted says %d things; want one:\n%s", what, n, errs)
	}
}

// interruptMigrateFrom runs assay migrate --from and sends it SIGINT
// while its read of table waits for a lock the test holds.
func interruptMigrateFrom(t *testing.T, s *teamServer, env []string, as *teamPerson, table string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	lock, err := s.raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.ExecContext(ctx, `LOCK TABLE `+pgx.Identifier{s.schema, table}.Sanitize()+` IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	return signalWhen(ctx, t, s, syscall.SIGINT, exec.Command(s.bin, "migrate", "--from", as.dsn), env, func() bool {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_stat_activity
			WHERE usename = $1 AND wait_event_type = 'Lock' AND query LIKE $2`, as.login, "SELECT % FROM "+table+" ORDER BY %") > 0
	})
}

// signalWhen starts cmd and sends it sig once ready holds; it returns the
// exit status and what it wrote to stderr.
func signalWhen(ctx context.Context, t *testing.T, s *teamServer, sig syscall.Signal, cmd *exec.Cmd, env []string, ready func() bool) (int, string) {
	t.Helper()
	cmd.Env = env
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	waitForServer(ctx, t, s, "the copy to wait on the test's lock", func() bool {
		select {
		case err := <-done:
			t.Fatalf("%s ended before it waited on the test's lock (%v)\n%s", cmd.Args[1:], err, errOut.String())
		default:
		}
		return ready()
	})
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	<-done
	return cmd.ProcessState.ExitCode(), errOut.String()
}
