package store

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Two windows import the same file at the same moment (a colleague's
// export opened twice): one stores it, the other is refused as any second
// import is, naming assessment.uuid and saying the assessment is already
// here, never with the database's own words for a duplicate key, and the
// database holds the assessment once.
func TestImportOfOneFileTwiceAtOnceStoresItOnce(t *testing.T) {
	contract(t, contractImportOfOneFileTwiceAtOnceStoresItOnce)
}

func contractImportOfOneFileTwiceAtOnceStoresItOnce(t *testing.T) {
	origin, q := testDB(t)
	path := filepath.Join(t.TempDir(), "portfolio.db")
	handles := []*DB{openAt(t, path), openAt(t, path)}
	const rounds = 4
	for r := range rounds {
		a := newAssessment(t, origin, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers()[:3])
		f := mustExport(t, origin, a.ID)
		errs := make([]error, len(handles))
		var wg sync.WaitGroup
		for i, h := range handles {
			wg.Go(func() { _, errs[i] = h.Import(as("Ana Analyst"), roundTrip(t, f)) })
		}
		wg.Wait()
		stored := 0
		for i, err := range errs {
			switch {
			case err == nil:
				stored++
			case assess.ErrorCode(err) != assess.EConflict || !strings.Contains(err.Error(), "assessment.uuid: the assessment is already in this database"):
				t.Errorf("round %d, window %d: %v; want it stored or refused as already here", r, i, err)
			}
		}
		if stored != 1 {
			t.Errorf("round %d: stored by %d windows, want 1", r, stored)
		}
	}
	list, err := handles[0].Assessments(as("x"), assess.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != rounds {
		t.Errorf("%d assessments after %d files imported twice each, want %d", len(list), rounds, rounds)
	}
}
