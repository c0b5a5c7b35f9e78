package main

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/assay-dev/assay/internal/ptytest"
	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: master is the terminal's side, slave
// assay's.
func openPTY(t *testing.T) (master, slave *os.File) { return ptytest.Open(t) }

// startOnPTY runs bin with args and env on the pseudo-terminal's slave,
// as its controlling terminal; shown is all it writes there.
func startOnPTY(t *testing.T, master, slave *os.File, bin string, env []string, args ...string) (*exec.Cmd, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	shown := &lockedBuffer{}
	go io.Copy(shown, master) // ends when the master is closed
	return cmd, shown
}

// typeOnPTY types s on the terminal.
func typeOnPTY(t *testing.T, master *os.File, s string) {
	t.Helper()
	if _, err := master.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

// On a real terminal the terminal's echo showed a paste's markers, as
// ^[[200~ before it and ^[[201~ after it, and a screen reader read them
// out with the answer. assay now turns the terminal's echo off in
// accessible mode and echoes itself: the paste is shown, and saved, as
// one note without its markers, also after Ctrl-Z and fg; and the
// terminal's modes are as they were once assay has left.
func TestAccessiblePasteIsEchoedWithoutItsMarkersOnATerminal(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	master, slave := openPTY(t)
	before, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	cmd, shown := startOnPTY(t, master, slave, bin, env, "--accessible")
	typeKeys := func(s string) { typeOnPTY(t, master, s) }
	waitOutput(t, shown, "or q to quit:", 1)
	typeKeys("1\r") // a terminal sends Enter as a carriage return
	waitOutput(t, shown, "b to go back to assessment 1's choices, q to quit:", 1)
	typeKeys("note: \x1b[200~Checked\rwith the DPO.\x1b[201~\r")
	waitOutput(t, shown, "Saved.", 1)

	// Stopped with Ctrl-Z and resumed with fg, assay finds the terminal
	// as the shell left it: bash turns its echo and line editing on,
	// and its readline stops the marking of pastes. Pasted then, a
	// paragraph was two answers and its markers were shown again.
	cooked := *before
	if err := unix.IoctlSetTermios(int(slave.Fd()), unix.TCSETS, &cooked); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	waitOutput(t, shown, bracketedPasteOn, 2) // asked again on resuming
	typeKeys("evidence: \x1b[200~DPA.pdf\rSOC 2 report\x1b[201~\r")
	waitOutput(t, shown, "Saved.", 2)
	typeKeys("q\r")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("assay --accessible: %v\n%s", err, shown.String())
	}
	out := shown.String()
	if strings.Contains(out, "^[") || strings.Contains(out, "200~") || strings.Contains(out, "201~") {
		t.Errorf("a paste's marker was shown:\n%q", out)
	}
	for _, want := range []string{"note: Checked\r\nwith the DPO.\r\nSaved.", "evidence: DPA.pdf\r\nSOC 2 report\r\nSaved."} {
		if !strings.Contains(out, want) {
			t.Errorf("a paste was not shown once, as one input (%q):\n%q", want, out)
		}
	}
	after, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if after.Lflag != before.Lflag {
		t.Errorf("the terminal's local modes were %#x before assay and %#x after", before.Lflag, after.Lflag)
	}
}
