package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// run reads the command line it is given and nothing else: given none
// (nil), it opens the workspace, whatever the process was started with.
// Before, cobra took a nil command line to mean the process's own
// arguments, so TestWorkspaceWithoutTerminalUsesPlainPrompts ran the
// test binary's flags as a command ("unknown command "0"") when the
// binary was started with -test.timeout 0.
func TestRunWithNoArgumentsIgnoresTheProcesssOwn(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud")
	saved := os.Args
	os.Args = []string{saved[0], "-test.timeout", "0"}
	defer func() { os.Args = saved }()
	var out, errOut bytes.Buffer
	code := run(context.Background(), nil, strings.NewReader("q\n"), &out, &errOut, func(k string) string { return s.env[k] })
	if code != 0 || !strings.Contains(out.String(), "Assessment 1: Acme Cloud") {
		t.Errorf("exit %d, the workspace not opened:\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
}
