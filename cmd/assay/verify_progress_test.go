package main

import (
	"os/exec"
	"strings"
	"testing"
)

// On a terminal, assay verify draws a progress bar on stderr and erases
// it before it prints its result; run through a pipe it writes no
// control sequence at all. The terminal is a pseudo-terminal from
// script(1), which records every byte the program writes to it.
func TestVerifyProgressOnTerminalOnly(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)

	piped := runProc(bin, env, "verify")
	if piped.code != 0 {
		t.Fatalf("verify: exit %d: %s", piped.code, piped.errs)
	}
	for name, out := range map[string]string{"stdout": piped.stdout, "stderr": piped.errs} {
		if strings.ContainsAny(out, "\r\x1b") {
			t.Errorf("piped %s has control sequences: %q", name, out)
		}
	}
	if piped.errs != "" || !strings.Contains(piped.stdout, "Audit trail intact") {
		t.Fatalf("piped: stdout %q stderr %q", piped.stdout, piped.errs)
	}

	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed: no pseudo-terminal to test the bar on")
	}
	cmd := exec.Command(script, "-qfec", shellQuote(bin)+" verify", "/dev/null")
	cmd.Env = env
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("verify on a terminal: %v: %q", err, raw)
	}
	out := string(raw)
	bar := strings.Index(out, "\rVerifying [")
	done := strings.Index(out, "100% 2 of 2 assessments and subjects")
	erased := strings.LastIndex(out, "\r\x1b[K")
	result := strings.Index(out, "Audit trail intact")
	if bar < 0 || done < bar || erased < done || result < erased {
		t.Fatalf("on a terminal: want the bar, its last state, the bar erased, then the result; got %q", out)
	}
}

// --checkpoint records a verify checkpoint; --incremental starts from it
// and says what it did not read again; without one it checks everything.
func TestVerifyIncrementalCommand(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	r := runProc(bin, env, "verify", "--incremental")
	if r.code != 0 || !strings.Contains(r.stdout, "Checked everything: there is no verify checkpoint of yours in this database.") {
		t.Fatalf("incremental without a checkpoint: exit %d: %s%s", r.code, r.stdout, r.errs)
	}
	r = runProc(bin, env, "verify", "--checkpoint")
	if r.code != 0 || !strings.Contains(r.stdout, "Verify checkpoint recorded: ledger entry") {
		t.Fatalf("checkpoint: exit %d: %s%s", r.code, r.stdout, r.errs)
	}
	if r := runProc(bin, env, "answer", "1", "--file", writeFile(t, dir, "answers.yaml", "answers:\n  mfa: no\n")); r.code != 0 {
		t.Fatalf("answer: %s", r.errs)
	}
	r = runProc(bin, env, "verify", "--incremental")
	if r.code != 0 || !strings.Contains(r.stdout, "Incremental: checked what changed since your verify checkpoint") ||
		!strings.Contains(r.stdout, "1 assessment or subject changed since, checked in full") {
		t.Fatalf("incremental: exit %d: %s%s", r.code, r.stdout, r.errs)
	}
	if r := runProc(bin, env, "verify", "1", "--incremental"); r.code == 0 {
		t.Fatalf("incremental of one assessment: %s", r.stdout)
	}
}
