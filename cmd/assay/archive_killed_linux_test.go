package main

import (
	"fmt"
	"maps"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/stophook"
	"golang.org/x/sys/unix"
)

// An archive, which only the workspace makes (a on a row of the home
// screen), killed with SIGKILL inside its transaction, the flag set and
// its audit record not yet written, archives nothing: every table holds
// the rows it held, assay list --all shows the assessment as before,
// verify passes, and archiving it again in a new workspace succeeds. The
// workspace runs on a terminal of the test's own, built to stop itself
// at the point; the test kills it there, and archives again in tmux. The
// archive is one transaction already: a guard. On SQLite and on the team
// database.
func TestArchiveKilledMidwayInTheWorkspaceArchivesNothing(t *testing.T) {
	onEachSide(t, checkArchiveKilledMidway)
}

func checkArchiveKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := runsOK(t, bin)
	vendor := strings.TrimSpace(run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	before, listed := side.rows(), run(side.analyst, "list", "--all")

	// On a terminal of the test's own, not tmux's: tmux continues a
	// pane's process that stops (except on SIGTTIN and SIGTTOU), which
	// would let the archive go on before the kill lands.
	master, slave := openPTY(t)
	if err := unix.IoctlSetWinsize(int(master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 30, Col: 100}); err != nil {
		t.Fatal(err)
	}
	cmd, shown := startOnPTY(t, master, slave, assayStopBinary(t), withEnv(side.analyst, stophook.Env, "audit-record-due"))
	waitUntil(t, "the workspace to list the assessment", func() bool { return strings.Contains(shown.String(), "1 of 1") })
	typeOnPTY(t, master, "a")
	pid := cmd.Process.Pid
	waitUntil(t, "the workspace to stop itself as the archive's audit record is due", func() bool { return processState(pid) == 'T' })
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait() // killed: the error says so

	if after := side.rows(); !maps.Equal(after, before) {
		t.Errorf("the archive killed midway changed the database: rows %v, before %v", after, before)
	}
	if now := run(side.analyst, "list", "--all"); now != listed {
		t.Errorf("the archive killed midway changed what assay list --all shows:\n%s\nbefore:\n%s", now, listed)
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after the archive was killed midway:\n%s", out)
	}

	again := startTmuxAt(t, bin, side.analyst, 100, 30)
	again.waitText("Acme Cloud Ltd", "1 of 1")
	again.keys("a")
	again.waitSays("#" + vendor + " archived")
	again.quit()
	if out := run(side.analyst, "list", "--all"); !strings.Contains(out, "archived") {
		t.Errorf("assay list --all after the archive made again:\n%s", out)
	}
	if after := side.rows(); after["events"] != before["events"]+1 {
		t.Errorf("the archive made again: %d audit records, %d before; want one more", after["events"], before["events"])
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after the archive made again:\n%s", out)
	}
}

// waitUntil polls cond every 20 ms until it holds, failing the test
// after stopLimit: a hang detector, not a speed target.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(stopLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v in vain for %s", stopLimit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// processState is the state letter /proc gives process pid (T: stopped,
// Z: ended and not yet reaped), and 0 once there is no such process.
func processState(pid int) byte {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The name, in parentheses, may hold spaces: the state follows the
	// last closing parenthesis.
	i := strings.LastIndexByte(string(stat), ')')
	if i < 0 || i+2 >= len(stat) {
		return 0
	}
	return stat[i+2]
}
