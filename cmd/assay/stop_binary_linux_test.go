package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

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

// killedAt runs the stopping assay with args until it stops itself at
// point, then kills it there with SIGKILL, and returns its process ID.
// The test fails if the run ends before reaching the point. wait4 with
// WUNTRACED returns once the child stops, without reaping it, so nothing
// here waits for a time.
func killedAt(t *testing.T, env []string, point string, args ...string) int {
	t.Helper()
	errFile, err := os.CreateTemp(t.TempDir(), "stderr-")
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	cmd := exec.Command(assayStopBinary(t), args...)
	cmd.Env = withEnv(env, stophook.Env, point)
	cmd.Stderr = errFile // a file, not a pipe: no goroutine copies it, so nothing but wait4 waits on the child
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	var status syscall.WaitStatus
	for {
		_, err := syscall.Wait4(pid, &status, syscall.WUNTRACED, nil)
		if err != syscall.EINTR {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if !status.Stopped() {
		said, _ := os.ReadFile(errFile.Name())
		t.Fatalf("assay %v ended (%v) before it reached %s:\n%s", args, status, point, said)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait() // killed: the error says so
	return pid
}
