package main

import (
	"bytes"
	"path/filepath"
	"testing"
)

// assay migrate --from into a file that is there (holding no portfolio
// yet), stopped by Ctrl-C while the copy is under way, leaves the file
// byte for byte as it was, and says so in its own words: "FILE is as it
// was". The interrupt lands while the copy waits to read the events,
// with the subjects, assessments and answers before them already written
// into the file's transaction.
func TestMigrateFromInterruptedIntoAFileLeavesItAsItWas(t *testing.T) {
	s, owner, env := portfolioToMove(t, 2, 2)
	if r := runProc(s.bin, env, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to: exit %d: %s", r.code, r.errs)
	}
	target := filepath.Join(t.TempDir(), "archive.db")
	makeDatabase(t, target)
	targetEnv := withEnv(env, "ASSAY_DB", target)
	// assay's first open of a file it did not write marks the scoring
	// rules of its summaries (store.RescoreOlder): from then on, opening
	// it changes nothing.
	checkEmptyAndIntact(t, s.bin, targetEnv, "before the move")
	before := readFile(t, target)

	code, errs := interruptMigrateFrom(t, s, targetEnv, owner, "events")

	checkInterruptedMigrate(t, "migrate --from into a file", code, errs, target+" is as it was")
	if after := readFile(t, target); !bytes.Equal(after, before) {
		t.Errorf("migrate --from interrupted changed %s (%d bytes before, %d after)", target, len(before), len(after))
	}
	checkEmptyAndIntact(t, s.bin, targetEnv, "after migrate --from was interrupted")
}

// checkEmptyAndIntact checks that the file env names holds no portfolio
// and verifies.
func checkEmptyAndIntact(t *testing.T, bin string, env []string, when string) {
	t.Helper()
	if r := runProc(bin, env, "list"); r.code != 0 || bytes.Contains([]byte(r.stdout), []byte("Vendor")) {
		t.Errorf("%s, assay list: exit %d\n%s%s", when, r.code, r.stdout, r.errs)
	}
	if r := runProc(bin, env, "verify"); r.code != 0 {
		t.Errorf("%s, assay verify: exit %d\n%s%s", when, r.code, r.stdout, r.errs)
	}
}
