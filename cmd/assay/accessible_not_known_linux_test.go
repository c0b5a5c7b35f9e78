package main

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/testfixture"
)

// Accessible mode, run by the built assay against a file whose write lock
// another program holds (the sqlite3 shell in a transaction), gives up a
// creation and then an answer after the write deadline (a second here):
// the database may yet record either. As it leaves it names both, the
// creation with the list as where to look, and assay ends as the
// workspace does when it quits with changes not known to be saved:
// "assay: 2 changes are not known to be saved" and exit status 1. It
// named only the answer, and ended with status 0 as if all were saved.
func TestAccessibleModeLeavingNamesAndCountsTheWritesNotKnownToBeSaved(t *testing.T) {
	bin := assayStopBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := withEnv(procEnv(dir, db), writeDeadlineEnv, "1s")
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	testfixture.HoldWriteLock(t, db) // until the test ends
	// A new vendor screen of Beta Corp (8 in the list of questionnaires,
	// its kind as offered), then the first question of assessment 1.
	typed := "n\n8\nBeta Corp\n\n1\n2\nq\n"
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--accessible")
	cmd.Env, cmd.Stdin = env, strings.NewReader(typed)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("assay --accessible had not ended after %s:\n%s%s", hangLimit, out.String(), errOut.String())
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("assay --accessible leaving with two changes not known to be saved: %v, want exit status 1:\n%s%s", err, out.String(), errOut.String())
	}
	for _, want := range []string{
		`Not known to be saved as accessible mode left: a new Vendor security screen of "Beta Corp". ` +
			"When assay next opens the file, the list of assessments shows whether it was created.\n",
		"Not known to be saved as accessible mode left: assessment 1, Acme Cloud Ltd: the answer to data-sensitivity, given as Other personal data",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("assay --accessible does not say %q as it leaves:\n%s", want, out.String())
		}
	}
	if got, want := errOut.String(), "assay: 2 changes are not known to be saved\n"; got != want {
		t.Errorf("assay --accessible said on stderr %q, want %q", got, want)
	}
}
