package main

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killAfterFileAppears starts cmd and kills it with SIGKILL delay after a
// file whose name sign accepts first appears in folder (the run's first
// write). It reports whether the run ended by itself first, and how long
// it ran after that file appeared. what names the run in failures.
func killAfterFileAppears(t *testing.T, cmd *exec.Cmd, what, folder string, sign func(name string) bool, delay time.Duration) (bool, time.Duration) {
	t.Helper()
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var deadline <-chan time.Time
	var appeared time.Time
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%s: %v\n%s", what, err, errOut.String())
			}
			if appeared.IsZero() {
				t.Fatalf("%s ended before its first file appeared", what)
			}
			return true, time.Since(appeared)
		case <-deadline:
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-done
			return false, time.Since(appeared)
		case <-time.After(100 * time.Microsecond):
			if deadline != nil {
				continue
			}
			entries, _ := os.ReadDir(folder)
			for _, e := range entries {
				if sign(e.Name()) && deadline == nil {
					appeared, deadline = time.Now(), time.After(delay)
				}
			}
		}
	}
}
