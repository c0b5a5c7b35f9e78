package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// A save of no answers (assay answer with a file whose every answer is
// recorded already) writes nothing: no audit record, no ledger entry, and
// not the row's time of last change either. It stamped that time, and an
// export then carried an assessment changed after its last audit record,
// which import refuses as an altered file. Both the handle that saved
// last (its cached copy) and another one (a new assay process) are
// checked, and a locked assessment still refuses it.
func TestSavingNoAnswersChangesNothing(t *testing.T) {
	contract(t, contractSavingNoAnswersChangesNothing)
}

func contractSavingNoAnswersChangesNothing(t *testing.T) {
	path := tempPath(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db := fixedClock(openAt(t, path), at)
	_, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	ctx := as("Ana Analyst")
	was, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows := rowCounts(t, db)
	other := fixedClock(openAt(t, path), at.Add(2*time.Hour))
	for name, h := range map[string]*DB{"the handle that saved": fixedClock(db, at.Add(time.Hour)), "another handle": other} {
		for _, none := range [][]assess.Answer{nil, {}} {
			if err := h.SaveOwnAnswers(ctx, a.ID, none); err != nil {
				t.Fatalf("%s: saving no answers: %v", name, err)
			}
			if err := h.SaveAnswers(ctx, a.ID, none); err != nil {
				t.Fatalf("%s: saving no answers: %v", name, err)
			}
		}
		now, err := other.Assessment(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !now.UpdatedAt.Equal(was.UpdatedAt) {
			t.Errorf("%s: saving no answers moved the time of last change from %s to %s", name, was.UpdatedAt, now.UpdatedAt)
		}
		if after := rowCounts(t, other); after != rows {
			t.Errorf("%s: saving no answers added rows:\n%s\n%s", name, rows, after)
		}
	}
	if err := db.SaveAnswers(ctx, a.ID, []assess.Answer{choice("mfa", "yes")}); err != nil {
		t.Fatalf("a save after them: %v", err)
	}
	approved := newAssessment(t, db, q, "Locked Ltd", day("2026-03-01"), completeAnswers())
	mustReview(t, db, approved.ID, "Ana Analyst", assess.ActSubmit)
	mustReview(t, db, approved.ID, "Rui Reviewer", assess.ActApprove)
	wantCode(t, other.SaveAnswers(ctx, approved.ID, nil), assess.ELocked, "approved")
}
