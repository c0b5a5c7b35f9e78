package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitOutput waits until out holds want n times, or fails after hangLimit.
func waitOutput(t *testing.T, out *lockedBuffer, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(hangLimit)
	for strings.Count(out.String(), want) < n {
		if time.Now().After(deadline) {
			t.Fatalf("no %q after %v; output:\n%s", want, hangLimit, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Ctrl-C and SIGTERM end assay even while it waits on a read that never
// returns (here the accessible workspace waiting for a line nobody types),
// and the answer it confirmed before is in the database. Before, the
// signal only cancelled a context nothing was watching, and assay waited
// for ever.
func TestSignalsEndAssayWhileItWaitsForInput(t *testing.T) {
	bin := assayBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			_, _, db, env := binaryWithAssessment(t)
			cmd := exec.Command(bin, "--accessible")
			cmd.Env = env
			stdin, err := cmd.StdinPipe() // held open, never closed: the read waits
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var out lockedBuffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			defer func() {
				if cmd.ProcessState == nil {
					cmd.Process.Kill()
				}
			}()
			waitOutput(t, &out, "or q to quit:", 1)
			io.WriteString(stdin, "1\n")
			waitOutput(t, &out, "b to go back to assessment 1's choices, q to quit:", 1)
			io.WriteString(stdin, "1\n")
			waitOutput(t, &out, "Saved.", 1)
			waitOutput(t, &out, "b to go back to assessment 1's choices, q to quit:", 2)

			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
					t.Errorf("exit %v, want %d", err, 128+int(sig))
				}
			case <-time.After(hangLimit):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running %v after %v", sig, hangLimit)
			}
			if !strings.Contains(out.String(), "assay: interrupted") {
				t.Errorf("assay did not say it was interrupted:\n%s", out.String())
			}
			r := runProc(bin, env, "list")
			if !strings.Contains(r.stdout, "1/33") {
				t.Errorf("the answer confirmed before the signal is not in the database:\n%s%s", r.stdout, r.errs)
			}
			if _, err := os.Stat(db); err != nil {
				t.Fatal(err)
			}
		})
	}
}
