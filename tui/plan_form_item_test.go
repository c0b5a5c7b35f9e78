package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The edit form is for the item it was opened on. Another window moves
// a second item's due date ahead of it while the form is open, which
// sorts that item under the cursor; the owner typed still goes to the
// item the form was opened for, never to the one that moved there.
func TestPlanFormSavesToTheItemItWasOpenedFor(t *testing.T) {
	e, a, other, f := twoItemPlan(t, true)
	f.press("enter")
	f.waitFor("┃ Owner", "attestation ·")

	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := other.db.ChangePlanItem(ctx, a.ID, "mfa", assess.PlanChange{Due: testToday.AddDays(5), DueReason: "Audit next week"}, testToday); err != nil {
		t.Fatal(err)
	}
	other.answer(a.ID, "policy", "yes", "") // its notice says the change above has been read
	f.waitFor("Sam Ortiz changed policy")

	f.typeText("Sam Lee")
	f.waitFor("> Sam Lee", "attestation ·")
	for range 5 { // owner, due date, reason, status, action
		f.press("enter")
	}
	f.waitFor("saved ✓")
	f.quit()

	got := e.load(a.ID).PlanEdits
	if got["attestation"].Owner != "Sam Lee" || got["mfa"].Owner != "" {
		t.Errorf("attestation's owner is %q and mfa's %q; want Sam Lee on attestation, the item the form was opened for",
			got["attestation"].Owner, got["mfa"].Owner)
	}
}

// A due date moved in the edit form sorts the item elsewhere; the cursor
// goes with it, so the next key (s steps the status) acts on the item
// just edited, not on the one that took its row.
func TestPlanCursorFollowsTheItemEdited(t *testing.T) {
	e, a, _, f := twoItemPlan(t, false)
	f.press("enter")
	f.waitFor("┃ Owner", "attestation ·")
	f.press("enter") // to the due date
	f.waitFor("┃ Due date")
	for range len("2026-04-30") {
		f.press("backspace")
	}
	f.typeText(testToday.AddDays(200).String())
	f.waitFor("> " + testToday.AddDays(200).String())
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.typeText("Vendor's audit is in the autumn")
	for range 3 { // reason, status, action
		f.press("enter")
	}
	f.waitFor("saved ✓")
	f.press("s")
	f.waitFor("in progress")
	f.waitFor("saved ✓")
	f.quit()

	got := e.load(a.ID).PlanEdits
	if got["attestation"].Status != assess.ItemInProgress || got["mfa"].Status == assess.ItemInProgress {
		t.Errorf("attestation is %q and mfa %q; want attestation, the item just edited, in progress",
			got["attestation"].Status, got["mfa"].Status)
	}
}

// An item whose finding is gone (another window answered its question
// yes) while its form is open is not saved anywhere, and the plan says so.
func TestPlanFormOnAnItemGoneSavesNothing(t *testing.T) {
	e, a, other, f := twoItemPlan(t, true)
	f.press("enter")
	f.waitFor("┃ Owner", "attestation ·")
	other.answer(a.ID, "attestation", "yes", "")
	f.waitFor("Sam Ortiz changed attestation")
	f.typeText("Sam Lee")
	for range 5 {
		f.press("enter")
	}
	f.waitFor("not saved: plan item attestation is no longer in the plan")
	f.quit()

	for k, ed := range e.load(a.ID).PlanEdits {
		if ed.Owner != "" {
			t.Errorf("plan item %s has owner %q; the owner typed for attestation, gone, should be saved nowhere", k, ed.Owner)
		}
	}
}

// The cursor stays on the item it is on when another window's change
// sorts the plan again: s then steps the item the analyst had selected,
// not the one sorted into its row.
func TestPlanCursorStaysOnItsItemWhenOthersResort(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	other.answer(a.ID, "attestation", "no", "")
	other.answer(a.ID, "mfa", "no", "")
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("p")
	f.waitFor("[Plan]", "▸ 2026-04-30 high     open           -              attestation")

	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := other.db.ChangePlanItem(ctx, a.ID, "attestation", assess.PlanChange{Due: testToday.AddDays(60), DueReason: "Audit in May"}, testToday); err != nil {
		t.Fatal(err)
	}
	f.waitFor("2026-05-30")
	f.press("s")
	f.waitFor("in progress", "saved ✓")
	f.quit()

	got := e.load(a.ID).PlanEdits
	if got["attestation"].Status != assess.ItemInProgress || got["mfa"].Status == assess.ItemInProgress {
		t.Errorf("attestation is %q and mfa %q; want attestation, the item selected, in progress",
			got["attestation"].Status, got["mfa"].Status)
	}
}

// twoItemPlan is an assessment whose plan has two items, attestation
// (first) and mfa, open on the plan screen; another window shares the
// database, and the workspace sees its changes live when watching.
func twoItemPlan(t *testing.T, watching bool) (*env, *assess.Assessment, *otherWindow, *flow) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	other.answer(a.ID, "attestation", "no", "")
	other.answer(a.ID, "mfa", "no", "")
	f := e.start
	if watching {
		f = e.watching
	}
	fl := f()
	fl.waitFor("Acme Cloud Ltd")
	fl.press("p")
	fl.waitFor("[Plan]", "attestation", "mfa")
	return e, a, other, fl
}
