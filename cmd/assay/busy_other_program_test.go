package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/testfixture"
)

// A program that is not assay (the sqlite3 shell with a transaction
// open) holds the database's write lock: assay cannot know who holds it,
// so its message does not say it is another assay window; it says
// another program or assay window holds it, that nothing was recorded,
// and what to do. Once the transaction ends, the same command works.
func TestBusyDatabaseDoesNotClaimWhoHoldsTheLock(t *testing.T) {
	bin, _, db, env := binaryWithAssessment(t)
	release := testfixture.HoldWriteLock(t, db) // the sqlite3 shell with BEGIN IMMEDIATE typed
	r, hung := runBounded(t, bin, env, "subject", "add", "Globex", "--kind", "vendor")
	if hung {
		t.Fatal("assay subject add did not give up waiting for the write lock")
	}
	if r.code != 1 {
		t.Fatalf("assay subject add while another program holds the lock: exit %d, want 1\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{"the database is busy", "another program", "nothing was recorded", "end that program's transaction"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, r.errs)
		}
	}
	if strings.Contains(r.errs, "another assay window is writing") {
		t.Errorf("the refusal claims an assay window holds the lock, which assay cannot know:\n%s", r.errs)
	}
	release()
	if r := runProc(bin, env, "subject", "add", "Globex", "--kind", "vendor"); r.code != 0 {
		t.Fatalf("assay subject add once the other program's transaction ended: exit %d\n%s", r.code, r.errs)
	}
}
