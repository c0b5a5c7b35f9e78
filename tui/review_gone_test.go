package tui_test

import (
	"context"
	"testing"
)

// reviewFindings is Acme Cloud Ltd with two findings, attestation (F1)
// and mfa (F2), both answered no in another window, its review open on
// the Findings pane in a workspace that follows others' changes.
func reviewFindings(t *testing.T) (*otherWindow, int64, *flow) {
	t.Helper()
	_, a, other, f := twoItemPlan(t, true)
	f.press("esc")
	f.waitFor("Acme Cloud Ltd")
	f.press("r")
	f.waitFor("[Scores]")
	f.press("l", "l", "l")
	f.waitFor("[Findings]", "▸ F1 high     Does a current independent attestation", "F2 high     Is multi-factor")
	return other, a.ID, f
}

// The finding under the review's cursor stops being one (another window
// answered its question yes): the cursor is on the finding now in its
// row, which the person had not selected. The review says so, and the
// first enter, which would open that finding's question, does nothing
// but say why; pressed again, it opens the question of the finding shown
// selected.
func TestReviewFindingGoneElsewhereIsSaidAndTheNextKeyWaits(t *testing.T) {
	for _, c := range []struct {
		name        string
		moves       []string
		gone, stays string
		staysText   string // the question enter opens at last
	}{
		{"the first finding", nil, "attestation", "mfa", "Is multi-factor authentication enforced"},
		{"the last finding", []string{"j"}, "mfa", "attestation", "Does a current independent attestation"},
	} {
		t.Run(c.name, func(t *testing.T) {
			other, id, f := reviewFindings(t)
			f.press(c.moves...)
			f.waitFor("Question: " + c.gone + " ·")
			other.answer(id, c.gone, "yes", "")
			f.waitFor("Finding "+c.gone+", which was selected, is no longer a finding (its answer changed): the cursor moved to "+c.stays+".",
				"▸ F1 high", "Question: "+c.stays+" ·")
			f.press("enter")
			f.waitFor("enter did nothing: finding "+c.gone+", which was selected, is no longer a finding (its answer changed);",
				"press enter again to act on "+c.stays+", now selected.", "[Findings]")
			f.press("enter")
			f.waitFor("[Interview]", c.staysText)
			f.quit()
		})
	}
}

// Moving the cursor chooses the finding under it: the note goes, and
// enter opens its question at once.
func TestReviewFindingGoneThenMovingChoosesTheFinding(t *testing.T) {
	other, id, f := reviewFindings(t)
	other.answer(id, "attestation", "yes", "")
	f.waitFor("is no longer a finding")
	f.press("j")
	f.waitGone("is no longer a finding")
	f.press("enter")
	f.waitFor("[Interview]", "Is multi-factor authentication enforced")
	f.quit()
}

// A finding that comes before the one under the cursor (another window
// answered a question no) moves that one down a row: the cursor follows
// it, rather than staying on the row and selecting the newcomer unseen.
func TestReviewCursorFollowsItsFindingWhenOneComesBefore(t *testing.T) {
	other, id, f := reviewFindings(t)
	f.press("j")
	f.waitFor("Question: mfa ·")
	other.answer(id, "attestation", "yes", "")
	f.waitGone("F2 high")
	f.press("k", "j") // the person chooses mfa, now F1 and the only one
	f.waitFor("▸ F1 high     Is multi-factor")
	other.answer(id, "attestation", "no", "")
	f.waitFor("F2 high     Is multi-factor", "Question: mfa ·")
	f.press("enter")
	f.waitFor("[Interview]", "Is multi-factor authentication enforced")
	f.quit()
}

// The recommended assessment under the cursor is recommended no longer
// (another window answered that no automated means decide or help
// decide): the cursor is on the one now in its row. The review says so,
// and the first enter, which would start that one, starts nothing;
// pressed again, it starts the one shown selected.
func TestReviewRecommendationGoneElsewhereIsSaidAndTheNextKeyWaits(t *testing.T) {
	e := newEnv(t)
	pre := e.create("prescreen", "Loan pre-approval")
	if err := e.db.SaveAnswers(context.Background(), pre.ID, prescreenAnswers()); err != nil {
		t.Fatal(err)
	}
	f := e.watching()
	f.waitFor("Loan pre-approval")
	f.press("r")
	f.waitFor("[Recommended]", "▸ Privacy impact assessment (DPIA)", "Fairness and algorithmic impact assessment", "Third-party due diligence")
	f.press("j")
	f.waitFor("▸ Fairness and algorithmic impact assessment")
	e.otherWindow().answer(pre.ID, "automated-decisions", "no", "")
	f.waitFor("Fairness and algorithmic impact assessment, which was selected, is no longer recommended (an answer changed): the cursor moved to Third-party due diligence.",
		"▸ Third-party due diligence")
	f.press("enter")
	f.waitFor("enter did nothing: Fairness and algorithmic impact assessment, which was selected, is no longer recommended",
		"press enter again to act on Third-party due diligence, now selected.", "[Recommended]")
	f.press("enter")
	f.waitFor("┃ Vendor", "the pre-screen was about Loan pre-approval")
	f.press("esc")
	f.waitFor("sorted by")
	f.quit()
}
