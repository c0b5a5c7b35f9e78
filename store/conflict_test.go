package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Two analysts, each in a window of their own (two handles on one
// portfolio), open the same assessment and change the same answer. The
// first change is recorded; the second, made over the answer as it was
// before the first, is refused with who made the first, when, and what
// it says, and records nothing. Made again over the answer now seen, it
// is recorded: the second analyst overwrote knowingly.
func TestReplaceAnswersRefusesAStaleChange(t *testing.T) {
	contract(t, contractReplaceAnswersRefusesAStaleChange)
}

func contractReplaceAnswersRefusesAStaleChange(t *testing.T) {
	path := tempPath(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	ana := fixedClock(openAt(t, path), at)
	bo := fixedClock(openAt(t, path), at.Add(time.Minute))
	_, q := testDB(t)
	a := newAssessment(t, ana, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})

	// Both open the assessment.
	anaSaw, err := ana.Assessment(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	boSaw, err := bo.Assessment(as("Bo"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Bo answers first, with a note.
	mine := choice("mfa", "yes")
	mine.Note = "SSO enforced for all staff"
	if err := bo.ReplaceAnswers(as("Bo"), a.ID, []assess.Answer{mine}, boSaw.Answers); err != nil {
		t.Fatalf("Bo's change over the answer he saw: %v", err)
	}
	// Ana, over the answer she saw ("no"), says "partial".
	err = ana.ReplaceAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("mfa", "partial")}, anaSaw.Answers)
	var conflict *assess.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("Ana's stale change: want a conflict, got %v", err)
	}
	if assess.ErrorCode(err) != assess.EConflict {
		t.Errorf("error code %q, want %q", assess.ErrorCode(err), assess.EConflict)
	}
	if len(conflict.Theirs) != 1 {
		t.Fatalf("conflict names %d answers, want 1: %v", len(conflict.Theirs), err)
	}
	theirs := conflict.Theirs[0]
	if theirs.QuestionID != "mfa" || theirs.UpdatedBy != "Bo" || !theirs.UpdatedAt.Equal(at.Add(time.Minute)) ||
		!assess.SameAnswer(theirs, mine) || conflict.Assessment != a.ID {
		t.Errorf("conflict: %+v, want mfa as Bo saved it at %s", theirs, at.Add(time.Minute))
	}
	want := `question mfa was changed by Bo at 2026-03-02 09:01:00 UTC: it is now yes (note "SSO enforced for all staff")`
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	// Nothing of Ana's was recorded: the answer and the trail are Bo's.
	now, err := ana.Assessment(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := now.Answers["mfa"]; !assess.SameAnswer(got, mine) || got.UpdatedBy != "Bo" {
		t.Errorf("after the refusal mfa is %s by %s, want Bo's", got.Describe(), got.UpdatedBy)
	}
	events, err := ana.Events(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := events[len(events)-1]; last.Actor != "Bo" || last.Target != "mfa" {
		t.Errorf("last audit record %s %s by %s, want Bo's answer to mfa", last.Kind, last.Target, last.Actor)
	}
	// Over the answer she now sees, Ana's change is recorded.
	if err := ana.ReplaceAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("mfa", "partial")}, now.Answers); err != nil {
		t.Fatalf("Ana's change over Bo's answer, seen: %v", err)
	}
	assertSound(t, ana)
}

// What is not a conflict: an answer nobody else touched, a change to
// another question, and a change to what the other person already says.
// A question the author saw unanswered that someone answered meanwhile
// is one.
func TestReplaceAnswersOnlyRefusesRealConflicts(t *testing.T) {
	contract(t, contractReplaceAnswersOnlyRefusesRealConflicts)
}

func contractReplaceAnswersOnlyRefusesRealConflicts(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Globex", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	saw, err := db.Assessment(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceAnswers(as("Bo"), a.ID, []assess.Answer{choice("encryption", "yes")}, saw.Answers); err != nil {
		t.Fatalf("Bo answers an unanswered question: %v", err)
	}
	// Ana's view is older than Bo's answer, but she changes mfa only.
	if err := db.ReplaceAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("mfa", "yes")}, saw.Answers); err != nil {
		t.Fatalf("a change to another question than Bo's: %v", err)
	}
	// She says about encryption what Bo said: nothing of his is lost.
	if err := db.ReplaceAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("encryption", "yes")}, saw.Answers); err != nil {
		t.Fatalf("the same answer as Bo's: %v", err)
	}
	// She saw breach-notice unanswered; Bo answers it, then she does.
	if err := db.ReplaceAnswers(as("Bo"), a.ID, []assess.Answer{choice("breach-notice", "no")}, saw.Answers); err != nil {
		t.Fatal(err)
	}
	err = db.ReplaceAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("breach-notice", "yes"), choice("subprocessors", "yes")}, saw.Answers)
	wantCode(t, err, assess.EConflict, "question breach-notice was changed by Bo")
	got, err := db.Assessment(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Answers["subprocessors"]; ok {
		t.Error("a refused change recorded one of its answers: all or nothing")
	}
}

// Four analysts change the same answer at once, each over the answer
// they all saw: exactly one change is recorded, the three others are
// refused naming it, whichever store and however the writes interleave.
func TestReplaceAnswersOneWinnerAmongMany(t *testing.T) {
	contract(t, contractReplaceAnswersOneWinnerAmongMany)
}

func contractReplaceAnswersOneWinnerAmongMany(t *testing.T) {
	path := tempPath(t)
	_, q := testDB(t)
	first := openAt(t, path)
	a := newAssessment(t, first, q, "Initech", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	saw, err := first.Assessment(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	const n = 4
	handles := []*DB{first, openAt(t, path)}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for w := range n {
		wg.Go(func() {
			ans := choice("mfa", "yes")
			ans.Note = fmt.Sprintf("worker %d", w)
			errs[w] = handles[w%2].ReplaceAnswers(as(fmt.Sprintf("worker %d", w)), a.ID, []assess.Answer{ans}, saw.Answers)
		})
	}
	wg.Wait()
	winners := 0
	for w, err := range errs {
		var c *assess.ConflictError
		switch {
		case err == nil:
			winners++
		case errors.As(err, &c):
			if c.Theirs[0].Note == fmt.Sprintf("worker %d", w) || c.Theirs[0].UpdatedBy == fmt.Sprintf("worker %d", w) {
				t.Errorf("worker %d was refused over its own answer: %v", w, err)
			}
		default:
			t.Errorf("worker %d: %v", w, err)
		}
	}
	if winners != 1 {
		t.Errorf("%d changes recorded over the same answer, want exactly 1: %v", winners, errs)
	}
}

// A change made without seeing the answers (the command line) replaces
// the author's own answers, never someone else's unawares: on the server
// the author is the login, whatever name the program gives.
func TestSaveOwnAnswersKeepsOthersAnswers(t *testing.T) {
	contract(t, contractSaveOwnAnswersKeepsOthersAnswers)
}

func contractSaveOwnAnswersKeepsOthersAnswers(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Hooli", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	if err := db.SaveOwnAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("mfa", "partial"), choice("encryption", "yes")}); err != nil {
		t.Fatalf("Ana replacing her own answer and answering another: %v", err)
	}
	err := db.SaveOwnAnswers(as("Bo"), a.ID, []assess.Answer{choice("encryption", "no"), choice("breach-notice", "yes")})
	wantCode(t, err, assess.EConflict, "question encryption was changed by Ana Analyst")
	if err := db.SaveOwnAnswers(as("Bo"), a.ID, []assess.Answer{choice("encryption", "yes"), choice("breach-notice", "yes")}); err != nil {
		t.Fatalf("Bo saying what Ana says: %v", err)
	}
	got, err := db.Assessment(as("Bo"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Answers["mfa"].Value.Choices[0] != "partial" || got.Answers["breach-notice"].UpdatedBy != "Bo" {
		t.Errorf("answers after the saves: %+v", got.Answers)
	}
}
