package tui_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A key acts on what was on the screen when it was pressed. The
// workspace went by itself to the question of a conflict as it came
// back, and a key pressed then (here the next answer, 1) answered that
// question, which the analyst had not seen, instead of the one they were
// on. The workspace now stays where it is and says where the conflict
// is and the key that goes there: 1 answers question 3, and c shows
// the conflict, settled there with O or K.
func TestAConflictComingBackLeavesTheQuestionShown(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	other.answer(a.ID, "attestation", "yes", "SOC 2 Type II, 2025")
	f.press("3") // met as a conflict once it reaches the store
	f.waitFor("question 3 of 33", "Sam Ortiz changed the answer to question 2 (attestation) before yours was saved: c goes to it")
	f.press("1")
	f.waitFor("question 4 of 33")
	f.press("c")
	f.waitFor("question 2 of 33", "Sam Ortiz changed this answer at", "O overwrite")
	f.press("K")
	f.waitGone("Sam Ortiz changed this answer")
	f.quit()
	got := e.load(a.ID)
	if c := got.Answers["attestation"].Value.Choices; !slices.Equal(c, []string{"yes"}) {
		t.Errorf("attestation stored as %v, want Sam's [yes], kept with K", c)
	}
	// Question 3 on screen is policy: attestation-not-applicable, third
	// in the file, is hidden until attestation is "not applicable".
	policy, _ := got.Questionnaire.Question("policy")
	if ans, ok := got.Answers[policy.ID]; !ok || len(ans.Value.Choices) != 1 || ans.Value.Choices[0] != policy.Options[0].Value {
		t.Errorf("question 3 (%s) stored as %s; want its first option, the key 1 pressed on it", policy.ID, ans.Describe())
	}
}

// The plan kept the cursor's item while a change to another came back
// as a conflict, then put the cursor on that item, where s (next status)
// pressed for the item seen changed the other. The cursor stays; the
// plan says which item holds a conflict and that c goes to it.
func TestAPlanConflictComingBackLeavesTheCursorsItem(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	other.answer(a.ID, "policy", "no", "")
	repo, changes, f := e.startFaulty(nil)
	defer close(changes)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 4 of 33")
	f.press("tab", "tab")
	f.waitFor("[Plan]", "attestation", "policy")
	first, second := planOrder(t, f.screen(), "attestation", "policy")
	other.setStatus(a.ID, first, assess.ItemDone)
	repo.mode.Store(writeWaits)
	f.press("s") // the first item's status, held on its way
	f.press("down")
	f.waitFor("not saved yet")
	repo.proceed()
	f.waitFor("Sam Ortiz changed the status of plan item " + first + " before yours was saved: c goes to it")
	repo.mode.Store(writeNormally)
	f.press("s")
	f.waitFor("▸ " + planRow(second, "in progress"))
	f.press("c")
	f.waitFor("O overwrite theirs with yours", "K keep theirs")
	f.press("K")
	f.waitGone("K keep theirs")
	f.quit()
	edits := e.load(a.ID).PlanEdits
	if got := edits[second].Status; got != assess.ItemInProgress {
		t.Errorf("%s's status %q, want in progress: s pressed with the cursor on it", second, got)
	}
	if got := edits[first].Status; got != assess.ItemDone {
		t.Errorf("%s's status %q, want Sam's done, kept with K", first, got)
	}
}

// planRow is the start of the plan's row of vendor screen item key,
// with its due date and severity as the plan sets them, in status.
func planRow(key, status string) string {
	row := map[string]string{"attestation": "2026-04-30 high     ", "policy": "2026-06-29 medium   "}[key]
	return row + status
}

// planOrder is the keys a and b in the order the plan on screen lists
// them.
func planOrder(t *testing.T, screen, a, b string) (string, string) {
	t.Helper()
	ia, ib := strings.Index(screen, a), strings.Index(screen, b)
	if ia < 0 || ib < 0 {
		t.Fatalf("the plan lacks %s or %s:\n%s", a, b, screen)
	}
	if ia < ib {
		return a, b
	}
	return b, a
}
