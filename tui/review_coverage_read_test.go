package tui_test

import (
	"testing"
)

// The Coverage pane shows others' answers as they are read, as the
// other panes do: with attestation answered yes in another window,
// A.5.19 is partly met, as a review opened afresh after that answer
// shows it, not still a gap.
func TestReviewCoverageShowsOthersAnswers(t *testing.T) {
	_, a, other, f := twoItemPlan(t, true)
	f.press("esc")
	f.waitFor("Acme Cloud Ltd")
	f.press("r")
	f.waitFor("[Scores]")
	f.press("l", "l")
	f.waitFor("[Coverage]", "A.5.19  gap")
	other.answer(a.ID, "attestation", "yes", "")
	f.waitFor("A.5.19  partly met", "0 met, 2 partly, 2 gaps, 26 open")
	f.quit()
}

// Others' answers read while another pane of the review shows reach the
// Coverage pane the moment it shows again: the coverage is worked out
// again only while its pane shows, so it is worked out as it does.
func TestReviewCoverageShownAgainHasOthersAnswersReadMeanwhile(t *testing.T) {
	other, id, f := reviewFindings(t)
	other.answer(id, "attestation", "yes", "")
	f.waitFor("is no longer a finding")
	f.press("h")
	f.waitFor("[Coverage]", "A.5.19  partly met", "0 met, 2 partly, 2 gaps, 26 open")
	f.quit()
}
