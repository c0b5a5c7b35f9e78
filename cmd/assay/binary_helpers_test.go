package main

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hangLimit is how long a command that should end at once may run before
// a test calls it hung and kills it. It is a hang detector, not a speed
// target: a refusal takes milliseconds.
const hangLimit = 20 * time.Second

// runBounded runs bin and kills it if it is still running after hangLimit;
// hung says it had to.
func runBounded(t *testing.T, bin string, env []string, args ...string) (res procResult, hung bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	res = procResult{args: args, stdout: out.String(), errs: errOut.String()}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return res, true
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return res, false
}

// binaryWithAssessment builds assay and makes a database in a fresh
// folder holding one assessment: the built-in vendor-security-screen of
// Acme Cloud Ltd (assessment 1), unanswered.
func binaryWithAssessment(t *testing.T) (bin, dir, db string, env []string) {
	t.Helper()
	bin = assayBinary(t)
	dir = t.TempDir()
	db = filepath.Join(dir, "assay.db")
	env = procEnv(dir, db)
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	return bin, dir, db, env
}

// runOK runs bin and fails the test unless it exits 0; it returns what
// bin printed on stdout.
func runOK(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	r := runProc(bin, env, args...)
	if r.code != 0 {
		t.Fatalf("assay %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.errs)
	}
	return r.stdout
}

// runsOK is runOK bound to bin, for the tests that run one binary many
// times, as one person and another: run(env, args...) fails the test
// unless assay exits 0, and returns what it printed.
func runsOK(t *testing.T, bin string) func(env []string, args ...string) string {
	return func(env []string, args ...string) string {
		t.Helper()
		return runOK(t, bin, env, args...)
	}
}
