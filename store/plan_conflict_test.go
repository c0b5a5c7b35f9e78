package store

import (
	"errors"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Two analysts, each in a window of their own, open one assessment's
// plan and set the owner of the same item. The first is recorded; the
// second, made over the item as it was before the first, is refused with
// who set it, when and what it now is, and records nothing. Another field
// of the item, a milestone added or one ticked twice, is no conflict.
// Made over the item now seen, the owner is replaced knowingly.
func TestChangePlanItemRefusesAStaleField(t *testing.T) {
	contract(t, contractChangePlanItemRefusesAStaleField)
}

func contractChangePlanItemRefusesAStaleField(t *testing.T) {
	path := tempPath(t)
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	ana := fixedClock(openAt(t, path), at)
	bo := fixedClock(openAt(t, path), at.Add(time.Minute))
	_, q := testDB(t)
	a := newAssessment(t, ana, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	today := day("2026-03-02")
	saw := assess.PlanEdit{} // both see the item as the findings give it
	change := func(db *DB, who string, ch assess.PlanChange) error {
		t.Helper()
		_, _, err := db.ChangePlanItem(as(who), a.ID, "mfa", ch, today)
		return err
	}
	over := func(ch assess.PlanChange, seen assess.PlanEdit) assess.PlanChange { ch.Over = &seen; return ch }

	boOwner := "IT Ops"
	if err := change(bo, "Bo", over(assess.PlanChange{Owner: &boOwner, AddMilestones: []assess.Milestone{{Title: "Enrol admins"}}}, saw)); err != nil {
		t.Fatalf("Bo's change over the item he saw: %v", err)
	}
	before := eventCount(t, ana, a.ID)
	anaOwner := "Security team"
	err := change(ana, "Ana Analyst", over(assess.PlanChange{Owner: &anaOwner, Status: assess.ItemInProgress}, saw))
	var conflict *assess.ConflictError
	if !errors.As(err, &conflict) || assess.ErrorCode(err) != assess.EConflict {
		t.Fatalf("Ana's stale owner: want a conflict, got %v", err)
	}
	if len(conflict.Fields) != 1 || len(conflict.Theirs) != 0 {
		t.Fatalf("conflict names %d fields and %d answers, want the owner alone: %v", len(conflict.Fields), len(conflict.Theirs), err)
	}
	f := conflict.Fields[0]
	if f.Item != "mfa" || f.Field != assess.FieldOwner || f.By != "Bo" || !f.At.Equal(at.Add(time.Minute)) || f.Now != `"IT Ops"` {
		t.Errorf("conflict: %+v, want mfa's owner as Bo set it at %s", f, at.Add(time.Minute))
	}
	want := `the owner of plan item mfa was changed by Bo at 2026-03-02 09:01:00 UTC: it is now "IT Ops"`
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	// Nothing of Ana's change was recorded, not even its status.
	if after := eventCount(t, ana, a.ID); after != before {
		t.Errorf("the refused change wrote %d audit records", after-before)
	}
	got := planEdit(t, ana, a.ID)
	if got.Owner != boOwner || got.Status != "" {
		t.Errorf("after the refusal the item has owner %q, status %q; want Bo's owner and no status", got.Owner, got.Status)
	}

	// Over the same old view: another field, a milestone added, Bo's
	// milestone ticked by both, and the owner Bo gave are no conflict.
	for _, ch := range []assess.PlanChange{
		{Status: assess.ItemInProgress},
		{AddMilestones: []assess.Milestone{{Title: "Pick a vendor"}}},
		{DoneMilestones: []int{1}},
		{Owner: &boOwner},
	} {
		if err := change(ana, "Ana Analyst", over(ch, saw)); err != nil {
			t.Errorf("Ana's %+v over the old view: %v", ch, err)
		}
	}
	if err := change(bo, "Bo", over(assess.PlanChange{DoneMilestones: []int{1}}, saw)); err != nil {
		t.Errorf("Bo ticks the milestone Ana ticked: %v", err)
	}
	// Over the item she now sees, Ana's owner is recorded.
	now := planEdit(t, ana, a.ID)
	if err := change(ana, "Ana Analyst", over(assess.PlanChange{Owner: &anaOwner}, now)); err != nil {
		t.Fatalf("Ana's owner over Bo's, seen: %v", err)
	}
	got = planEdit(t, ana, a.ID)
	if got.Owner != anaOwner || got.Status != assess.ItemInProgress || len(got.Milestones) != 2 || !got.Milestones[0].Done {
		t.Errorf("item at the end: %+v; want Ana's owner, in-progress, two milestones, the first done", got)
	}
	assertSound(t, ana)
}

// A change made without seeing the item first (the command line) does
// not replace a field another person set last: the owner Bo set is
// refused to Ana, naming Bo; Bo changes his own owner freely; a field
// nobody set (the findings' default) and one Ana set herself are hers to
// change. Without OwnOnly (--overwrite) Ana replaces Bo's knowingly.
func TestChangePlanItemOwnOnlyRefusesAnotherPersonsField(t *testing.T) {
	contract(t, func(t *testing.T) {
		at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		db, q := testDB(t)
		db = fixedClock(db, at)
		a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		today := day("2026-03-02")
		change := func(who string, ch assess.PlanChange) error {
			t.Helper()
			ch.OwnOnly = true
			_, _, err := db.ChangePlanItem(as(who), a.ID, "mfa", ch, today)
			return err
		}
		bo, bo2, ana := "IT Ops", "IT Operations", "Security team"
		if err := change("Bo", assess.PlanChange{Owner: &bo}); err != nil {
			t.Fatalf("Bo sets the owner nobody set: %v", err)
		}
		if err := change("Bo", assess.PlanChange{Owner: &bo2}); err != nil {
			t.Fatalf("Bo changes the owner he set: %v", err)
		}
		if err := change("Ana Analyst", assess.PlanChange{Due: today.AddDays(40), DueReason: "Vendor audit first"}); err != nil {
			t.Fatalf("Ana moves the due date nobody moved: %v", err)
		}
		if err := change("Ana Analyst", assess.PlanChange{Due: today.AddDays(50), DueReason: "Audit moved"}); err != nil {
			t.Fatalf("Ana moves the due date she moved: %v", err)
		}
		before := eventCount(t, db, a.ID)
		err := change("Ana Analyst", assess.PlanChange{Owner: &ana, Status: assess.ItemDone})
		wantCode(t, err, assess.EConflict, `the owner of plan item mfa was changed by Bo at 2026-03-02 09:00:00 UTC: it is now "IT Operations"`)
		if after := eventCount(t, db, a.ID); after != before {
			t.Errorf("the refused change wrote %d audit records", after-before)
		}
		err = change("Bo", assess.PlanChange{ResetDue: true})
		wantCode(t, err, assess.EConflict, `the due date of plan item mfa was changed by Ana Analyst`)
		if err := change("Ana Analyst", assess.PlanChange{Owner: &bo2}); err != nil {
			t.Errorf("Ana gives the owner Bo gave: %v", err)
		}
		if _, _, err := db.ChangePlanItem(as("Ana Analyst"), a.ID, "mfa", assess.PlanChange{Owner: &ana}, today); err != nil {
			t.Fatalf("Ana replaces Bo's owner knowingly: %v", err)
		}
		if got := planEdit(t, db, a.ID); got.Owner != ana || got.Due != today.AddDays(50) || got.Status != "" {
			t.Errorf("item at the end: %+v; want Ana's owner and due date, no status", got)
		}
	})
}

func planEdit(t *testing.T, db *DB, id int64) assess.PlanEdit {
	t.Helper()
	got, err := db.Assessment(as("Ana Analyst"), id)
	if err != nil {
		t.Fatal(err)
	}
	return got.PlanEdits["mfa"]
}
