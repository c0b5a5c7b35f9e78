package store

import (
	"fmt"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A team's owner runs assay team init while analysts work: an answer
// saved while its assessment's older summary is scored again is never
// overwritten by a summary of the answers before it. Each round marks
// every summary older, rescores them while an analyst changes each
// assessment's MFA answer, and then checks every stored summary against
// the one its answers give now (a rescore alone, after the fact).
func TestRescoreNeverOverwritesASaveMadeMeanwhile(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		var ids []int64
		for i := range 30 {
			ids = append(ids, newAssessment(t, db, q, fmt.Sprintf("Vendor %02d", i), day("2026-03-01"), completeAnswers()).ID)
		}
		owner, analyst := as("Iris Importer"), as("Ana Analyst")
		for round, mfa := range []string{"yes", "no", "yes"} {
			for _, id := range ids {
				markOlder(t, db, id)
			}
			rescored := make(chan error, 1)
			go func() {
				_, err := db.RescoreOlderNow(owner, nil)
				rescored <- err
			}()
			for _, id := range ids {
				if err := db.SaveAnswers(analyst, id, []assess.Answer{choice("mfa", mfa)}); err != nil {
					t.Fatal(err)
				}
			}
			if err := <-rescored; err != nil {
				t.Fatal(err)
			}
			got := map[int64][2]string{}
			for _, id := range ids {
				s, l := summaryRow(t, db, id)
				got[id] = [2]string{s, l}
				markOlder(t, db, id)
			}
			if _, err := db.RescoreOlderNow(owner, nil); err != nil {
				t.Fatal(err)
			}
			for _, id := range ids {
				if s, l := summaryRow(t, db, id); got[id] != [2]string{s, l} {
					t.Fatalf("round %d, assessment %d: the summary stored beside the save\n%s\n%s\nis not what its answers give\n%s\n%s",
						round, id, got[id][0], got[id][1], s, l)
				}
			}
		}
	})
}

// Windows started together after an upgrade each list the older summaries
// before any has scored them again; the one that gets the lock first does
// the work, and the others, finding each summary already current under
// its lock, skip it instead of scoring the whole portfolio again in turn.
// Here a second rescore runs to its end after the first has made its list.
func TestRescoreSkipsWhatAnotherRescoreDid(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		var ids []int64
		for i := range 3 {
			ids = append(ids, newAssessment(t, db, q, fmt.Sprintf("Vendor %02d", i), day("2026-03-01"), completeAnswers()).ID)
		}
		for _, id := range ids {
			markOlder(t, db, id)
		}
		owner := as("Iris Importer")
		other := -1
		n, err := db.RescoreOlderNow(owner, func(int) {
			var err error
			if other, err = db.RescoreOlderNow(owner, nil); err != nil {
				t.Fatal(err)
			}
		})
		if err != nil || other != 3 || n != 0 {
			t.Fatalf("the other rescore did %d, this one %d after it (want 3 and 0): %v", other, n, err)
		}
	})
}
