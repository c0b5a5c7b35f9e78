package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Each sending is a record of the assessment's trail, on both stores: the
// last one is what assay answer asks about, verify passes over them, and
// an approved assessment, locked, takes none.
func TestSendingsAreRecordedInTheTrail(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		fixedClock(db, signingDay)
		a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		if _, found, err := db.LastSending(as("Ana"), a.ID); err != nil || found {
			t.Fatalf("before any sending: found %v, %v", found, err)
		}
		first := time.Date(2026, 3, 3, 10, 0, 0, 123456789, time.UTC)
		second := first.Add(26 * time.Hour)
		for _, at := range []time.Time{first, second} {
			if err := db.RecordSending(as("Ana"), a.ID, at); err != nil {
				t.Fatal(err)
			}
		}
		if at, found, err := db.LastSending(as("Ana"), a.ID); err != nil || !found || !at.Equal(second) {
			t.Errorf("the last sending: %v (found %v), %v; want %v", at, found, err, second)
		}
		if res, err := db.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
			t.Fatalf("verify after two sendings: %+v, %v", res, err)
		}
		if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-05"), ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-05"), ""); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.RecordSending(as("Ana"), a.ID, second.Add(time.Hour)), assess.ELocked, "approved and locked")
	})
}
