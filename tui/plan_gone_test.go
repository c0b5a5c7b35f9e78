package tui_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The plan item under the cursor leaves the plan (another window
// answered its question yes): the cursor is on the item now in its row,
// which the person had not selected. The plan says so, and the first key
// that acts on an item does nothing but say why; pressed again, it acts
// on the item shown selected.
func TestPlanItemGoneElsewhereIsSaidAndTheNextKeyWaits(t *testing.T) {
	for _, c := range []struct {
		name        string
		moves       []string
		gone, stays string
	}{
		{"the first item", nil, "attestation", "mfa"},
		{"the last item", []string{"j"}, "mfa", "attestation"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, a, other, f := twoItemPlan(t, true)
			f.press(c.moves...)
			f.waitFor("▸ 2026-04-30 high     open           -              " + c.gone)
			other.answer(a.ID, c.gone, "yes", "")
			f.waitFor("1 item", "item "+c.gone+", which was selected, is no longer in the plan", "the cursor moved to "+c.stays)
			f.press("s")
			f.waitFor("s did nothing: plan item "+c.gone+", which was selected, is no longer in the plan",
				"press s again to act on "+c.stays)
			if got := e.load(a.ID).PlanEdits[c.stays].Status; got != "" {
				t.Fatalf("s stepped %s, which the person had not seen selected, to %q", c.stays, got)
			}
			f.press("s")
			f.waitFor("in progress", "saved ✓")
			f.quit()
			if got := e.load(a.ID).PlanEdits[c.stays].Status; got != assess.ItemInProgress {
				t.Errorf("%s is %q after s pressed again on it; want in progress", c.stays, got)
			}
		})
	}
}

// Moving the cursor chooses the item under it: the note goes, and the
// next key acts at once.
func TestPlanItemGoneThenMovingChoosesTheItem(t *testing.T) {
	e, a, other, f := twoItemPlan(t, true)
	other.answer(a.ID, "attestation", "yes", "")
	f.waitFor("is no longer in the plan")
	f.press("j")
	f.waitGone("is no longer in the plan")
	f.press("s")
	f.waitFor("in progress", "saved ✓")
	f.quit()
	if got := e.load(a.ID).PlanEdits["mfa"].Status; got != assess.ItemInProgress {
		t.Errorf("mfa is %q after s on it; want in progress", got)
	}
}
