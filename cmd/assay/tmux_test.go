package main

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmuxPane drives one assay process in a detached tmux session of its
// own server, at 80x24, as .ci/tmux-e2e does: keys go in with send-keys,
// the screen comes back with capture-pane.
type tmuxPane struct {
	t    *testing.T
	sock string
	conf string // the server's settings
}

const tmuxSession = "assay"

// startTmux runs bin with env in a new tmux server. The pane runs the
// binary itself (exec), so the pane's process is assay's.
func startTmux(t *testing.T, bin string, env []string) *tmuxPane {
	t.Helper()
	return startTmuxAt(t, bin, env, 80, 24)
}

// startTmuxAt is startTmux in a pane of w × h cells.
func startTmuxAt(t *testing.T, bin string, env []string, w, h int) *tmuxPane {
	t.Helper()
	p := newTmux(t)
	p.start(bin, env, w, h)
	return p
}

// startTmuxKept is startTmuxAt in a pane that stays, dead, once assay
// has ended, so that the test reads what it said last.
func startTmuxKept(t *testing.T, bin string, env []string, w, h int) *tmuxPane {
	t.Helper()
	p := newTmux(t)
	if err := os.WriteFile(p.conf, []byte("set -g history-limit 20000\nset -g remain-on-exit on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p.start(bin, env, w, h)
	return p
}

// start runs bin with env in the server's first session, w × h cells.
func (p *tmuxPane) start(bin string, env []string, w, h int) {
	t := p.t
	t.Helper()
	command := []string{"exec", "env"}
	for _, kv := range env {
		command = append(command, shellQuote(kv))
	}
	command = append(command, shellQuote(bin))
	if out, err := p.cmd("-f", p.conf, "new-session", "-d", "-s", tmuxSession, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h),
		strings.Join(command, " ")).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
}

// newTmux is a tmux server of the test's own, not yet running: its
// first command starts it, with a history long enough for any help.
func newTmux(t *testing.T) *tmuxPane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	// A socket path must stay short (about 100 bytes): not in t.TempDir.
	dir, err := os.MkdirTemp("", "assay-tmux-")
	if err != nil {
		t.Fatal(err)
	}
	p := &tmuxPane{t: t, sock: dir + "/s", conf: dir + "/tmux.conf"}
	if err := os.WriteFile(p.conf, []byte("set -g history-limit 20000\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = p.cmd("kill-server").Run()
		os.RemoveAll(dir)
	})
	return p
}

func (p *tmuxPane) cmd(args ...string) *exec.Cmd {
	c := exec.Command("tmux", append([]string{"-S", p.sock}, args...)...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TMUX=") {
			c.Env = append(c.Env, kv)
		}
	}
	return c
}

// screen is the pane's text as a person would read it.
func (p *tmuxPane) screen() string {
	out, err := p.cmd("capture-pane", "-p", "-t", tmuxSession).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor polls the screen until ok accepts it, for at most 30 seconds.
// A frame takes milliseconds; the margin is for a machine at a load of 15
// or more (CI's two cores running every package's tests at once), where
// the tui's own harness saw 10 s run out for a screen that then came
// right (tui's screenWait). A screen that never comes still fails.
func (p *tmuxPane) waitFor(what string, ok func(screen string) bool) {
	p.t.Helper()
	p.waitForWithin(30*time.Second, what, ok)
}

// waitForWithin is waitFor for at most d: for a pane that runs many
// commands before it shows what is waited for.
func (p *tmuxPane) waitForWithin(d time.Duration, what string, ok func(screen string) bool) {
	p.t.Helper()
	deadline := time.Now().Add(d)
	for {
		s := p.screen()
		if ok(s) {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited in vain for %s; the screen:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitText waits until every text is on the screen at once.
func (p *tmuxPane) waitText(texts ...string) {
	p.t.Helper()
	p.waitFor(strconv.Quote(strings.Join(texts, `", "`)), func(s string) bool {
		for _, text := range texts {
			if !strings.Contains(s, text) {
				return false
			}
		}
		return true
	})
}

func (p *tmuxPane) keys(keys ...string) {
	p.t.Helper()
	if out, err := p.cmd(append([]string{"send-keys", "-t", tmuxSession}, keys...)...).CombinedOutput(); err != nil {
		p.t.Fatalf("tmux send-keys: %v: %s", err, out)
	}
}

// pid is the process in the pane: assay.
func (p *tmuxPane) pid() int {
	p.t.Helper()
	out, err := p.cmd("display-message", "-p", "-t", tmuxSession, "#{pane_pid}").Output()
	if err != nil {
		p.t.Fatalf("tmux display-message: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		p.t.Fatalf("pane pid %q: %v", out, err)
	}
	return pid
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
