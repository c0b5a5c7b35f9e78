package tui_test

import (
	"strings"
	"testing"
)

// The risk under the cursor leaves the register (another window
// answered that the service is hosted in the EU, which hides the
// transfer risk's question): the cursor is on the risk now in its row.
// The review says so, and the first enter, which would open that risk's
// question, does nothing but say why; pressed again, it opens it.
func TestReviewRiskGoneElsewhereIsSaidAndTheNextKeyWaits(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("two-risks.yaml", "Payroll")
	other := e.otherWindow()
	other.answer(a.ID, "hosting", "us", "")
	f := e.watching()
	f.waitFor("Payroll")
	f.press("r")
	f.waitFor("[Scores]")
	for !strings.Contains(f.screen(), "[Risks]") {
		f.pressAndWaitChange("l")
	}
	f.waitFor("▸ 1. Transfer abroad: not rated", "2. Data breach: not rated")
	other.answer(a.ID, "hosting", "eu", "")
	f.waitFor("Risk Transfer abroad, which was selected, is no longer in the register (an answer changed): the cursor moved to Data breach.",
		"▸ 1. Data breach: not rated")
	f.press("enter")
	f.waitFor("enter did nothing: risk Transfer abroad, which was selected, is no longer in the register",
		"press enter again to act on Data breach, now selected.", "[Risks]")
	f.press("enter")
	f.waitFor("[Interview]", "The data leaks through an attack on the processor.")
	f.quit()
}
