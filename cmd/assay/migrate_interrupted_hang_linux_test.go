package main

import (
	"context"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/stophook"
)

// An interrupted migrate says its own words however long the copy takes
// to stop. Here it never stops by itself: the assay built with stop hooks
// hangs in the copy at copy-hangs, heeding no Ctrl-C, as a write stuck
// on a drive would, and assay ends the run itself after its grace of
// interruptGrace. Before, that end said main's general "interrupted;
// every change assay confirmed is saved", not what became of the move.
func TestMigrateToInterruptedWhileTheCopyWillNotStopSaysItsOwnWords(t *testing.T) {
	s, owner, env := portfolioToMove(t, 2, 2)
	before := teamRowCounts(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	code, errs := signalWhen(ctx, t, s, syscall.SIGINT, exec.Command(assayStopBinary(t), "migrate", "--to", owner.dsn),
		withEnv(env, stophook.Env, "copy-hangs"), func() bool {
			// The copy's first audit record is in: it hangs there.
			return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_stat_activity
				WHERE usename = $1 AND state = 'idle in transaction' AND query LIKE 'INSERT INTO events %'`, owner.login) > 0
		})
	if took := time.Since(start); took < interruptGrace {
		t.Fatalf("the run ended %s after it started, within the grace of %s: the copy did not hang, and this test shows nothing", took.Round(time.Millisecond), interruptGrace)
	}
	waitForServer(ctx, t, s, "the interrupted run's session to end", func() bool {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_stat_activity WHERE usename = $1`, owner.login) == 0
	})
	for table, n := range teamRowCounts(t, s) {
		if n != before[table] {
			t.Errorf("after migrate --to was interrupted, the team database's %s holds %d rows; it held %d before", table, n, before[table])
		}
	}
	checkInterruptedMigrate(t, "migrate --to whose copy will not stop", code, errs, "is as it was")
}
