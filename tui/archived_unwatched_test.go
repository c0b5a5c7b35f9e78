package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Without following others' changes, the archiving is first met as the
// store refuses the next answer: the refusal then names who archived it
// and when, as the audit trail records it, and what can still be done.
// Before, it said only that the assessment is archived, as if by nobody.
func TestAnArchivingUnfollowedIsSaidWithWhoAtTheRefusedSave(t *testing.T) {
	e := newEnv(t)
	a, _ := e.acmeAnsweredElsewhere()
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if err := e.otherWindow().db.SetArchived(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	f.press("1")
	f.waitFor("#1 was archived by Sam Ortiz at", "read and exported as it stands", "not saved: the answer to attestation")
	f.quit()
	if got := e.load(a.ID).Answers; len(got) != 1 {
		t.Errorf("answers stored after the archive: %v, want only data-sensitivity's", got)
	}
}
