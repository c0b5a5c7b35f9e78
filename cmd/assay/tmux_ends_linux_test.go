//go:build linux

package main

import (
	"strings"
	"syscall"
	"time"
)

// endsWithin waits at most d for the process in a kept pane
// (startTmuxKept) to end. One still running then fails the test with
// its goroutines: SIGQUIT has the Go runtime write them to the pane
// before it ends the process, and the pane keeps them.
func (p *tmuxPane) endsWithin(d time.Duration, what string) {
	p.t.Helper()
	pid := p.pid()
	dead := func() bool {
		out, _ := p.cmd("list-panes", "-t", tmuxSession, "-F", "#{pane_dead}").Output()
		return len(out) == 0 || strings.TrimSpace(string(out)) == "1"
	}
	for deadline := time.Now().Add(d); !dead(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGQUIT)
			for quit := time.Now().Add(10 * time.Second); !dead() && time.Now().Before(quit); {
				time.Sleep(50 * time.Millisecond)
			}
			p.t.Fatalf("waited %s in vain for %s; its goroutines, as SIGQUIT had it say them:\n%s", d, what, p.history(false))
		}
	}
}
