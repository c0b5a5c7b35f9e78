package main

import (
	"io"
	"os/exec"
	"testing"
)

// interactiveProc is an assay started with its input on a pipe the test
// types into, line by line, and its output collected for waitOutput. It
// is killed at the test's end if it is still running.
type interactiveProc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   lockedBuffer
}

func startInteractive(t *testing.T, cmd *exec.Cmd) *interactiveProc {
	t.Helper()
	p := &interactiveProc{cmd: cmd}
	var err error
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = &p.out, &p.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return p
}

// say types line and Enter.
func (p *interactiveProc) say(line string) { io.WriteString(p.stdin, line+"\n") }
