package tui_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Text recorded elsewhere (assay plan --reason, accessible mode) keeps
// what a one-line field cannot show: a reason in lines, an action with a
// tab. The edit form shows it as well as its fields can (a one-line field
// joins lines with spaces, the action's box widens a tab to spaces); a
// field nobody edited is not saved again as shown. Changing only the owner
// re-saved the reason joined into one line, and the trail recorded a
// change of reason nobody made.
func TestPlanFormKeepsTextNobodyEdited(t *testing.T) {
	const reason, action = "Vendor's audit is booked for May\nsee the contract, clause 7", "Turn on MFA\tfor all admins\nthen for everyone"
	e, a, f := planWith(t, assess.PlanChange{
		Due: testToday.AddDays(200), DueReason: reason, Action: new(action),
	})
	f.press("enter")
	f.waitFor("┃ Owner", "attestation ·")
	f.typeText("Sam Lee")
	f.waitFor("> Sam Lee")
	for range 5 { // owner, due date, reason, status, action
		f.press("enter")
	}
	f.waitFor("saved ✓")
	f.quit()

	got := e.load(a.ID).PlanEdits["attestation"]
	if got.Owner != "Sam Lee" || got.DueReason != reason || got.Action != action || got.Due != testToday.AddDays(200) {
		t.Errorf("attestation holds owner %q, due %s, reason %q, action %q; want owner Sam Lee and the due date, reason and action as recorded (%s, %q, %q)",
			got.Owner, got.Due, got.DueReason, got.Action, testToday.AddDays(200), reason, action)
	}
	if changed := lastChangedFields(t, e, a.ID); !slices.Equal(changed, []string{"owner"}) {
		t.Errorf("the trail's last record changes %q; want only the owner", changed)
	}
}

// An acceptance recorded with its reason in lines is extended in the
// acceptance form by its expiry alone: the reason stands as recorded, not
// joined into the one line its field shows.
func TestPlanAcceptanceExtendedKeepsItsReason(t *testing.T) {
	const reason = "WAF in front of the portal\nrisk owner: CISO"
	e, a, f := planWith(t, assess.PlanChange{
		Accept: assess.Acceptance{Approver: "Rui Costa", Reason: reason, Expires: testToday.AddDays(30)},
	})
	acceptanceToItsExpiry(f)
	for range len("2026-01-01") {
		f.press("backspace")
	}
	f.typeText(testToday.AddDays(90).String())
	f.waitFor("> " + testToday.AddDays(90).String())
	f.press("enter")
	f.waitFor("saved ✓")
	f.quit()

	got := e.load(a.ID).PlanEdits["attestation"].Acceptance
	if got == nil || got.Reason != reason || got.Expires != testToday.AddDays(90) || got.Approver != "Rui Costa" {
		t.Fatalf("attestation's acceptance is %+v; want Rui Costa's, reason %q as recorded, until %s", got, reason, testToday.AddDays(90))
	}
	if changed := lastChangedFields(t, e, a.ID); !slices.Equal(changed, []string{"acceptance"}) {
		t.Errorf("the trail's last record changes %q; want only the acceptance (its expiry)", changed)
	}
}

// planWith is the vendor screen whose plan has one item, attestation,
// changed by another window as ch says before the workspace opens on the
// plan.
func planWith(t *testing.T, ch assess.PlanChange) (*env, *assess.Assessment, *flow) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	other.answer(a.ID, "attestation", "no", "")
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := other.db.ChangePlanItem(ctx, a.ID, "attestation", ch, testToday); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("p")
	f.waitFor("[Plan]", "▸", "attestation")
	return e, a, f
}

// lastChangedFields are the fields the assessment's newest audit record
// changed, as assay history reads them.
func lastChangedFields(t *testing.T, e *env, id int64) []string {
	t.Helper()
	_, entries, err := e.db.AuditHistory(context.Background(), id)
	if err != nil || len(entries) == 0 {
		t.Fatalf("reading the trail: %v (%d records)", err, len(entries))
	}
	var fields []string
	for _, c := range entries[len(entries)-1].Changes {
		fields = append(fields, c.Field)
	}
	return fields
}

// A reason recorded in lines (assay plan --reason, accessible mode) is
// shown in lines, in a box as the action is; passed through, it is no
// text typed that quitting names as not saved.
func TestPlanFormShowsAReasonInLines(t *testing.T) {
	_, _, f := planWith(t, assess.PlanChange{Due: testToday.AddDays(200), DueReason: "Audit booked for May\nsee clause 7"})
	f.press("enter")
	f.waitFor("┃ Owner")
	f.press("enter", "enter")
	f.waitFor("┃ Why the due date moved", "┃ Audit booked for May", "┃ see clause 7")
	if s := f.screen(); strings.Contains(s, "shown on one") || strings.Contains(s, "saved on one line") {
		t.Errorf("the reason's field warns of lines joined, which it keeps:\n%s", s)
	}
	f.press("enter", "enter")
	f.waitFor("┃ Action")
	f.press("ctrl+c")
	if lost := unsaved(t, f); len(lost) != 0 {
		t.Errorf("after ctrl+c with no field edited, the workspace says %q; want nothing named", lost)
	}
}

// A reason recorded in lines and edited in the form (a word changed on
// its last line) is saved with its lines: its one-line field joined them,
// and the trail recorded a reason rewritten on one line.
func TestPlanFormReasonInLinesEditedKeepsItsLines(t *testing.T) {
	e, a, f := planWith(t, assess.PlanChange{Due: testToday.AddDays(200), DueReason: "Audit booked for May\nsee clause 7"})
	f.press("enter")
	f.waitFor("┃ Owner")
	f.press("enter", "enter")
	f.waitFor("┃ Why the due date moved", "┃ see clause 7")
	f.press("backspace")
	f.typeText("8")
	f.waitFor("┃ see clause 8")
	f.press("enter", "enter", "enter")
	f.waitFor("saved ✓")
	f.quit()
	if got, want := e.load(a.ID).PlanEdits["attestation"].DueReason, "Audit booked for May\nsee clause 8"; got != want {
		t.Errorf("the reason edited is stored as %q; want %q", got, want)
	}
}

// So is an acceptance's reason recorded in lines and edited in the
// acceptance form.
func TestPlanAcceptanceReasonInLinesEditedKeepsItsLines(t *testing.T) {
	e, a, f := planWith(t, assess.PlanChange{
		Accept: assess.Acceptance{Approver: "Rui Costa", Reason: "WAF in front of the portal\nrisk owner: CISO", Expires: testToday.AddDays(30)},
	})
	f.press("a")
	f.waitFor("Accept this risk", "┃ Approver")
	f.press("enter")
	f.waitFor("┃ Reason", "┃ WAF in front of the portal", "┃ risk owner: CISO")
	f.typeText(" and DPO")
	f.waitFor("┃ risk owner: CISO and DPO")
	f.press("enter")
	f.waitFor("┃ Expires")
	f.press("enter")
	f.waitFor("saved ✓")
	f.quit()
	got := e.load(a.ID).PlanEdits["attestation"].Acceptance
	if want := "WAF in front of the portal\nrisk owner: CISO and DPO"; got == nil || got.Reason != want {
		t.Errorf("the acceptance edited is %+v; want its reason %q", got, want)
	}
}

// The acceptance form gone through without a change (enter on each
// field) saves nothing: the trail recorded an edit of the item that
// changed nothing.
func TestPlanAcceptanceUnchangedSavesNothing(t *testing.T) {
	e, a, f := planWith(t, assess.PlanChange{
		Accept: assess.Acceptance{Approver: "Rui Costa", Reason: "WAF in front of the portal\nrisk owner: CISO", Expires: testToday.AddDays(30)},
	})
	before := trailLength(t, e, a.ID)
	acceptanceToItsExpiry(f)
	f.press("enter")
	f.waitGone("Accept this risk")
	f.press("s") // steps the status: a change saved after it, in order
	f.waitFor("saved ✓")
	f.quit()
	if n := trailLength(t, e, a.ID); n != before+1 {
		t.Errorf("the trail grew by %d records; want 1, the status stepped, and none for the acceptance form left as it was", n-before)
	}
}

func trailLength(t *testing.T, e *env, id int64) int {
	t.Helper()
	_, entries, err := e.db.AuditHistory(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// acceptanceToItsExpiry opens the acceptance form of the item under the
// cursor and passes its approver and reason as they opened, leaving the
// expiry focused.
func acceptanceToItsExpiry(f *flow) {
	f.press("a")
	f.waitFor("Accept this risk", "┃ Approver")
	f.press("enter")
	f.waitFor("┃ Reason")
	f.press("enter")
	f.waitFor("┃ Expires")
}
