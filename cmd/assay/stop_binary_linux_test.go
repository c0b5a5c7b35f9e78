package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/stophook"
)

// The kill tests need a kill to land at a known point of a write, by
// construction rather than by timing: a second build of assay, with the
// tag assay_stop_hooks, stops itself (SIGSTOP) at the point named in its
// environment (internal/stophook), and killedAt kills it there.
var stopBuilt struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// assayStopBinary builds, once, the assay that stops at a named point,
// beside the one assayBinary builds (TestMain removes both).
func assayStopBinary(t *testing.T) string {
	t.Helper()
	assayBinary(t)
	stopBuilt.once.Do(func() {
		stopBuilt.path = filepath.Join(built.dir, "assay-stops")
		stopBuilt.out, stopBuilt.err = exec.Command("go", "build", "-tags", "assay_stop_hooks", "-o", stopBuilt.path, ".").CombinedOutput()
	})
	if stopBuilt.err != nil {
		t.Fatalf("go build -tags assay_stop_hooks: %v\n%.2000s", stopBuilt.err, stopBuilt.out)
	}
	return stopBuilt.path
}

// stopLimit is how long a run may take to reach its stopping point before
// the test calls it stuck: a hang detector, not a speed target.
const stopLimit = 2 * time.Minute

// stoppedRun is a run of the stopping assay, stopped at its point.
type stoppedRun struct {
	cmd          *exec.Cmd
	args         []string
	out, errFile *os.File
}

// startStopped runs the stopping assay with args until it stops itself
// at point; the test fails if the run ends before reaching it. wait4
// with WUNTRACED returns once the child stops, without reaping it, so
// nothing here waits for a time. Its output goes to files, not pipes: no
// goroutine copies it, so nothing but wait4 waits on the child.
func startStopped(t *testing.T, env []string, point string, args ...string) *stoppedRun {
	t.Helper()
	dir := t.TempDir()
	r := &stoppedRun{args: args}
	var err error
	if r.out, err = os.Create(filepath.Join(dir, "stdout")); err != nil {
		t.Fatal(err)
	}
	if r.errFile, err = os.Create(filepath.Join(dir, "stderr")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.out.Close(); r.errFile.Close() })
	r.cmd = exec.Command(assayStopBinary(t), args...)
	r.cmd.Env = withEnv(env, stophook.Env, point)
	r.cmd.Stdout, r.cmd.Stderr = r.out, r.errFile
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Killed when the test ends, whatever happened: a run left stopped
	// would wait for ever (a no-op once it is reaped).
	t.Cleanup(func() { _ = r.cmd.Process.Kill(); _ = r.cmd.Wait() })
	seen := make(chan syscall.WaitStatus, 1)
	go func() {
		var status syscall.WaitStatus
		for {
			_, err := syscall.Wait4(r.cmd.Process.Pid, &status, syscall.WUNTRACED, nil)
			if err != syscall.EINTR {
				seen <- status
				return
			}
		}
	}()
	var status syscall.WaitStatus
	select {
	case status = <-seen:
	case <-time.After(stopLimit):
		t.Fatalf("assay %v neither stopped at %s nor ended within %v: it waits for something, maybe a lock a run stopped before it holds", args, point, stopLimit)
	}
	if !status.Stopped() {
		said, _ := os.ReadFile(r.errFile.Name())
		t.Fatalf("assay %v ended (%v) before it reached %s:\n%s", args, status, point, said)
	}
	return r
}

// killedAt runs the stopping assay with args until it stops itself at
// point, then kills it there with SIGKILL, and returns its process ID.
func killedAt(t *testing.T, env []string, point string, args ...string) int {
	t.Helper()
	r := startStopped(t, env, point, args...)
	if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = r.cmd.Wait() // killed: the error says so
	return r.cmd.Process.Pid
}

// raceRun is one of the runs together starts: whose environment, and the
// arguments.
type raceRun struct {
	env  []string
	args []string
}

// together runs each of runs until all of them have stopped at point,
// then lets them all go on at once, and returns how each ended.
func together(t *testing.T, point string, runs ...raceRun) []procResult {
	t.Helper()
	var stopped []*stoppedRun
	for _, r := range runs {
		stopped = append(stopped, startStopped(t, r.env, point, r.args...))
	}
	for _, r := range stopped {
		if err := r.cmd.Process.Signal(syscall.SIGCONT); err != nil {
			t.Fatal(err)
		}
	}
	results := make([]procResult, len(stopped))
	for i, r := range stopped {
		err := r.cmd.Wait()
		results[i] = procResult{args: r.args, code: r.cmd.ProcessState.ExitCode()}
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		out, _ := os.ReadFile(r.out.Name())
		errs, _ := os.ReadFile(r.errFile.Name())
		results[i].stdout, results[i].errs = string(out), string(errs)
	}
	return results
}
