package store

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An assessment and its pin are read as one: while another handle saves
// one answer after another (each save one audit record), every pair read
// shows exactly the history its pin counts. Read one after the other, a
// save landing between them gave a report whose pin counted a record the
// report did not show.
func TestPinnedAssessmentIsReadAsOne(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		a := newAssessment(t, db, q, "Acme", assess.NewDate(2026, 3, 1), completeAnswers())
		_, base, err := db.PinnedAssessment(as("Ana Analyst"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		const saves = 30
		var wg sync.WaitGroup
		wg.Go(func() {
			for i := 1; i <= saves; i++ {
				ans := choice("mfa", "no")
				ans.Note = fmt.Sprintf("save %d", i)
				if err := db.SaveAnswer(as("Ana Analyst"), a.ID, ans); err != nil {
					t.Error(err)
					return
				}
			}
		})
		for range 200 {
			got, pin, err := db.PinnedAssessment(as("Ana Analyst"), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			if note := got.Answers["mfa"].Note; note != "" {
				n, _ = strconv.Atoi(strings.TrimPrefix(note, "save "))
			}
			if pin.Records != base.Records+int64(n) {
				t.Fatalf("the assessment shows %d saves, its pin counts %d records past the %d before them", n, pin.Records-base.Records, base.Records)
			}
			if n == saves {
				break
			}
		}
		wg.Wait()
	})
}
