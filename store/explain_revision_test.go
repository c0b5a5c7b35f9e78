package store

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/testfixture"
)

func TestExplanationsCarryIntoARevision(t *testing.T) {
	contract(t, contractExplanationsCarryIntoARevision)
}

// An explanation stays with the answers it explains when assay review
// starts a revision: the revision copies the answers, and the
// explanation that stood for them stands on the copy, still as Ana's,
// written when she wrote it. Before, the revision started with every
// disagreement unexplained, and its submission was refused until
// someone explained again answers nobody had changed. The revision's own
// trail holds the carried explanation as a record of the reviser's,
// naming the record it was carried from and who wrote it; once one of
// its answers changes in the revision it is asked for again.
func contractExplanationsCarryIntoARevision(t *testing.T) {
	db := openAt(t, tempPath(t))
	a, rev, explainedAt, tick := explainedThenRevised(t, db)

	e := standing(t, db, rev.ID)
	if e == nil {
		t.Fatal("the revision starts with compared-none unexplained, though its answers are the ones explained")
	}
	if e.By != "Ana Analyst" || e.Text != annexWhy || !e.At.Equal(explainedAt) || e.CarriedFrom != a.ID {
		t.Errorf("the carried explanation stands as by %q at %v from %d: %q; want Ana Analyst's of %v, from assessment %d",
			e.By, e.At, e.CarriedFrom, e.Text, explainedAt, a.ID)
	}
	evs, err := db.Events(as("x"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	var carried []Event
	for _, ev := range evs {
		if ev.Kind == assess.ExplainKind {
			carried = append(carried, ev)
		}
	}
	if len(carried) != 1 || carried[0].Actor != "Dana Ruiz" || !strings.Contains(carried[0].New, `"by":"Ana Analyst"`) ||
		!strings.Contains(carried[0].New, `"assessment":`+itoa(a.ID)) {
		t.Errorf("the revision's trail holds %d explain records, want one by the reviser naming Ana and assessment %d: %+v", len(carried), a.ID, carried)
	}
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("verify with the carried explanation: %v %v", res.Broken, err)
	}
	// Submitted as it is: nothing to explain again.
	tick()
	mustReview(t, db, rev.ID, "Dana Ruiz", assess.ActSubmit)
	mustReview(t, db, rev.ID, "Rui Reviewer", assess.ActApprove)

	// In the next revision an answer changed and changed back was
	// changed: the explanation is asked for again.
	tick()
	rev3, err := db.Revise(as("Dana Ruiz"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e := standing(t, db, rev3.ID); e == nil || e.By != "Ana Analyst" || e.CarriedFrom != rev.ID {
		t.Fatalf("revision 3 of a carried explanation: %+v", e)
	}
	// A carried record naming words its source does not hold (written
	// around Revise, by a program of the reviser's) explains nothing:
	// the carried one before it still stands.
	tick()
	forged := assess.ExplanationRecord{Answers: e.Answers, Text: "Rui said it is fine.",
		Carried: &assess.CarriedExplanation{Assessment: rev.ID, Seq: e.Seq, By: "Rui Reviewer", At: e.At}}
	if err := db.tx(as("Dana Ruiz"), func(tx *sql.Tx) error {
		return db.appendEvent(as("Dana Ruiz"), tx, rev3.ID, assess.ExplainKind, "compared-none", nil, forged)
	}); err != nil {
		t.Fatal(err)
	}
	if e := standing(t, db, rev3.ID); e == nil || e.By != "Ana Analyst" || e.Text != annexWhy {
		t.Fatalf("after a forged carried record, compared-none stands as %+v; want Ana's", e)
	}
	tick()
	if err := db.SaveAnswer(as("Dana Ruiz"), rev3.ID, choice("groups", "some")); err != nil {
		t.Fatal(err)
	}
	tick()
	if err := db.SaveAnswer(as("Dana Ruiz"), rev3.ID, choice("groups", "none")); err != nil {
		t.Fatal(err)
	}
	if e := standing(t, db, rev3.ID); e != nil {
		t.Errorf("an answer changed in the revision, yet the carried explanation stands: %+v", e)
	}
}

// annexWhy is Ana's explanation in explainedThenRevised.
const annexWhy = "The groups are named in the vendor's annex."

// explainedThenRevised is an assessment of the compared-none fixture
// whose disagreeing answers Ana explained (annexWhy, at explainedAt),
// submitted and approved, and Dana's revision of it. db's clock starts
// at 2026-03-02 09:00 UTC and tick moves it on a minute, as it moved
// between those steps.
func explainedThenRevised(t *testing.T, db *DB) (a, rev *assess.Assessment, explainedAt time.Time, tick func()) {
	t.Helper()
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return clock }
	tick = func() { clock = clock.Add(time.Minute) }
	a = &assess.Assessment{Subject: "Model", SubjectKind: "system", Questionnaire: testfixture.ComparedNone(t), AssessedOn: day("2026-03-01")}
	if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("bias", "yes"), choice("groups", "none")}); err != nil {
		t.Fatal(err)
	}
	tick()
	if _, err := db.Explain(as("Ana Analyst"), a.ID, "compared-none", annexWhy); err != nil {
		t.Fatal(err)
	}
	explainedAt = clock
	tick()
	mustReview(t, db, a.ID, "Ana Analyst", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui Reviewer", assess.ActApprove)
	tick()
	rev, err := db.Revise(as("Dana Ruiz"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return a, rev, explainedAt, tick
}
