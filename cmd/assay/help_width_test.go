package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// assay --help, and every command's, fits a 100-column terminal: no line
// runs past the edge, where the terminal would wrap it into the next
// line's columns. Run in a tmux pane 100 columns wide, as a person would
// see it; a line the pane wrapped shows when the pane's lines are joined
// again (capture-pane -J).
func TestHelpFitsA100ColumnTerminal(t *testing.T) {
	bin := assayBinary(t)
	commands := []string{""}
	for _, c := range (&app{getenv: os.Getenv}).rootCommand().Commands() {
		commands = append(commands, c.Name())
		for _, sub := range c.Commands() {
			commands = append(commands, c.Name()+" "+sub.Name())
		}
	}
	var script strings.Builder
	for _, c := range commands {
		script.WriteString("echo '=== assay " + c + "'; " + shellQuote(bin) + " " + c + " --help; ")
	}
	script.WriteString("echo '=== end'; sleep 60")
	p := startTmuxSized(t, 100, 50, []string{"NO_COLOR=1", "TERM=xterm-256color", "HOME=" + t.TempDir()}, script.String())
	// The pane runs assay once per command, about sixty: on a loaded
	// machine that took more than the 10 s waitFor gives a screen
	// (TestHelpFitsA100ColumnTerminal failed at 10.5 s, at a load of 20),
	// so each run has 2 s.
	p.waitForWithin(time.Duration(len(commands))*2*time.Second, "every help printed", func(string) bool { return strings.Contains(p.history(false), "=== end") })
	plain, joined := p.history(false), p.history(true)
	// fang cuts an example wider than its block with "…": a person
	// copying it would run half a command.
	cmd := ""
	for _, line := range strings.Split(plain, "\n") {
		if strings.HasPrefix(line, "=== assay") {
			cmd = line
		}
		if strings.HasSuffix(strings.TrimRight(line, " "), "…") {
			t.Errorf("%s: a line is cut:\n%s", cmd, line)
		}
	}
	if plain == joined {
		return
	}
	for _, line := range strings.Split(joined, "\n") {
		if strings.HasPrefix(line, "=== assay") {
			cmd = line
		}
		if w := len([]rune(strings.TrimRight(line, " "))); w > 100 {
			t.Errorf("%s: a line of %d columns wraps in a 100-column terminal:\n%s", cmd, w, line)
		}
	}
}

// startTmuxSized runs a shell command in a tmux pane of w × h cells.
func startTmuxSized(t *testing.T, w, h int, env []string, command string) *tmuxPane {
	t.Helper()
	p := newTmux(t)
	args := []string{"-f", p.conf, "new-session", "-d", "-s", tmuxSession, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	if out, err := p.cmd(append(args, command)...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	return p
}

// history is everything the pane printed, its wrapped lines joined when
// join is set.
func (p *tmuxPane) history(join bool) string {
	args := []string{"capture-pane", "-p", "-S", "-", "-t", tmuxSession}
	if join {
		args = append(args, "-J")
	}
	out, err := p.cmd(args...).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// Help through a pipe keeps its lines whole and ends none with spaces:
// fang padded them to a width of its own, so that a pager in a narrower
// terminal showed a blank line after each.
func TestHelpThroughAPipeHasNoPadding(t *testing.T) {
	s := newCLISession(t)
	for _, args := range [][]string{{"--help"}, {"list", "--help"}, {"help", "report"}} {
		out := s.ok(args...)
		if !strings.Contains(out, "USAGE") {
			t.Fatalf("assay %s printed no help:\n%s", strings.Join(args, " "), out)
		}
		for i, line := range strings.Split(out, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("assay %s: line %d ends with spaces: %q", strings.Join(args, " "), i+1, line)
			}
		}
	}
}

// Every example fits an 80-column terminal whole: fang cuts an example
// wider than its block with "…" (a person copying it would run half a
// command), so a long one goes on several lines joined with " \".
func TestExamplesFitAn80ColumnTerminal(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			if w := len([]rune(strings.TrimSpace(line))); w > 70 {
				t.Errorf("assay %s: an example line of %d characters (at most 70):\n%s", c.Name(), w, line)
			}
			if strings.Contains(line, "…") {
				t.Errorf("assay %s: an example that is not whole:\n%s", c.Name(), line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk((&app{getenv: os.Getenv}).rootCommand())
}

// A usage line says the arguments in the order they are given: fang moves
// every bracketed (optional) part of a command's Use to its end, so
// "diff [A] B" was printed "assay diff B [A]", and a person who typed
// the later assessment first compared them backwards.
func TestUsageKeepsTheArgumentsInOrder(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		use := strings.Fields(c.Use)
		optional := false
		for _, w := range use[1:] {
			switch {
			case strings.HasPrefix(w, "["):
				optional = true
			case optional && !strings.HasSuffix(w, "]") && !strings.HasPrefix(w, "-") && strings.ToUpper(w) == w:
				t.Errorf("assay %s: Use %q has %s after an optional part, which fang prints before it", c.Name(), c.Use, w)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk((&app{getenv: os.Getenv}).rootCommand())
	s := newCLISession(t)
	if out := s.ok("diff", "--help"); !strings.Contains(out, "assay diff A B") {
		t.Errorf("assay diff --help:\n%s\nwant its usage as assay diff A B", out)
	}
}
