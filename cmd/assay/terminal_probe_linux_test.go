package main

import (
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// backgroundQuery is the start of the question a program sends a terminal
// to learn its background colour (OSC 11). A terminal that does not
// answer it (a serial console, some tmux and screen set-ups) kept assay
// waiting up to two seconds a question, with the terminal in raw mode.
const backgroundQuery = "\x1b]11;?"

// runOnSilentTerminal runs assay with a pseudo-terminal as its stdin,
// stdout and stderr, a terminal that never answers anything, and returns
// all it showed once it has ended and shown want. A command still running
// after hangLimit fails the test (a guard, not a speed target).
func runOnSilentTerminal(t *testing.T, want string, args ...string) string {
	t.Helper()
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	master, slave := openPTY(t)
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	var shown lockedBuffer
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go io.Copy(&shown, master) // ends when the master is closed
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	select {
	case <-ended:
	case <-time.After(hangLimit):
		cmd.Process.Kill()
		<-ended
		t.Fatalf("assay %s still running after %v on a terminal that does not answer; shown:\n%q", strings.Join(args, " "), hangLimit, shown.String())
	}
	waitOutput(t, &shown, want, 1) // the pty may still hold what it wrote last
	return shown.String()
}

// A command that fails prints one line, which uses no colour: it does not
// ask the terminal for its background colour first. Before, fang asked
// it (twice: on stdin, then on stdout) before assay's error handler ran,
// whatever the error.
func TestAnErrorDoesNotAskTheTerminalItsColours(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"nosuchcommand"}, `assay: unknown command "nosuchcommand" for "assay"`},
		{[]string{"list", "--nosuch"}, "assay: list has no flag --nosuch"},
		{[]string{"backup"}, "assay: backup needs the backup file to write"},
	} {
		shown := runOnSilentTerminal(t, tc.want, tc.args...)
		if strings.Contains(shown, backgroundQuery) {
			t.Errorf("assay %s asked the terminal its background colour:\n%q", strings.Join(tc.args, " "), shown)
		}
	}
}

// Help asked for with --help, -h or "help" goes through fitHelp, and fang
// writes it there without colour (NO_COLOR or not): the terminal's
// background colour would change nothing in it, so assay does not ask.
func TestAskedForHelpDoesNotAskTheTerminalItsColours(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "interactive workspace"},
		{[]string{"list", "-h"}, "List assessments"},
		{[]string{"help", "backup"}, "copies your SQLite portfolio"},
	} {
		shown := runOnSilentTerminal(t, tc.want, tc.args...)
		if strings.Contains(shown, backgroundQuery) {
			t.Errorf("assay %s asked the terminal its background colour:\n%q", strings.Join(tc.args, " "), shown)
		}
	}
}

// Help printed unasked, for a command that only groups others (assay
// team, assay key's group), is help all the same: it asked the terminal
// its background colour first, and waited up to two seconds a question
// on one that never answers. It is written as asked-for help is,
// without colour, and asks nothing.
func TestHelpPrintedUnaskedDoesNotAskTheTerminalItsColours(t *testing.T) {
	shown := runOnSilentTerminal(t, "assay team grant", "team")
	if strings.Contains(shown, backgroundQuery) {
		t.Errorf("assay team asked the terminal its background colour:\n%q", shown)
	}
	if strings.Contains(shown, "\x1b[") {
		t.Errorf("assay team's help is in colour, unlike assay team --help:\n%q", shown)
	}
}
