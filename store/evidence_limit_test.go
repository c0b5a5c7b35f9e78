package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

func TestSaveRefusesTooManyEvidenceReferences(t *testing.T) {
	contract(t, contractSaveRefusesTooManyEvidenceReferences)
}

// Every way an answer is saved (the interview, an answers file, the
// accessible prompts) reaches SaveAnswers: an answer listing more evidence
// references than assess.MaxEvidence is refused there, naming the question,
// and nothing of the save is recorded; one with exactly that many is saved.
func contractSaveRefusesTooManyEvidenceReferences(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	refs := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("Ticket %d", i+1)
		}
		return out
	}
	over := choice("mfa", "no")
	over.Evidence = refs(assess.MaxEvidence + 1)
	err := db.SaveAnswers(as("Ana Analyst"), a.ID, []assess.Answer{choice("encryption", "yes"), over})
	want := fmt.Sprintf("question mfa: evidence: %d evidence references, more than the %d an answer may list: remove at least 1", assess.MaxEvidence+1, assess.MaxEvidence)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("saving %d references: %v, want %q", assess.MaxEvidence+1, err, want)
	}
	got, err := db.Assessment(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Answers) != 0 {
		t.Errorf("the refused save recorded %d answers", len(got.Answers))
	}
	at := choice("mfa", "no")
	at.Evidence = refs(assess.MaxEvidence)
	if err := db.SaveAnswers(as("Ana Analyst"), a.ID, []assess.Answer{at}); err != nil {
		t.Errorf("saving %d references: %v", assess.MaxEvidence, err)
	}
}
