package assess_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Changes to different fields of one plan item, applied one after the
// other to the item as each finds it, give the same item in either order,
// and each keeps what the other set: this is what lets the store apply
// concurrent changes in whatever order they reach it.
func TestPlanChangesToDifferentFieldsCompose(t *testing.T) {
	assessed := day(t, "2026-01-31")
	it := assess.BuildPlan(findings(assess.High), nil, assess.DefaultDeadlines(), assessed, assessed)[0]
	owner, action := "Sam Ortiz", "Enforce MFA for every admin"
	changes := []assess.PlanChange{
		{Owner: &owner},
		{Action: &action},
		{Due: day(t, "2026-04-30"), DueReason: "Vendor patch in April"},
		{Status: assess.ItemInProgress},
		{AddMilestones: []assess.Milestone{{Title: "Admins on MFA"}}},
	}
	apply := func(order []int) assess.PlanEdit {
		e := assess.PlanEdit{}
		for _, i := range order {
			var err error
			if e, err = assess.ApplyPlanChange(it, e, changes[i], assessed); err != nil {
				t.Fatal(err)
			}
		}
		return e
	}
	forward, backward := apply([]int{0, 1, 2, 3, 4}), apply([]int{4, 3, 2, 1, 0})
	want := assess.PlanEdit{Key: it.Key(), Owner: owner, Action: action, Due: day(t, "2026-04-30"), DueReason: "Vendor patch in April",
		Status: assess.ItemInProgress, Milestones: []assess.Milestone{{Title: "Admins on MFA"}}}
	if !reflect.DeepEqual(forward, want) || !reflect.DeepEqual(backward, want) {
		t.Errorf("in order: %+v\nreversed: %+v\nwant:     %+v", forward, backward, want)
	}
	// Two milestones added by two people are both kept.
	two, err := assess.ApplyPlanChange(it, forward, assess.PlanChange{AddMilestones: []assess.Milestone{{Title: "Service accounts"}}}, assessed)
	if err != nil {
		t.Fatal(err)
	}
	if len(two.Milestones) != 2 || two.Milestones[0].Title != "Admins on MFA" || two.Milestones[1].Title != "Service accounts" {
		t.Errorf("milestones after a second person's: %+v", two.Milestones)
	}
}

// A subject change touches only the fields it sets.
func TestSubjectChangeTouchesOnlyItsFields(t *testing.T) {
	cur := assess.Subject{ID: 7, Name: "Acme Cloud Ltd", Kind: assess.SubjectVendor, Owner: "Procurement",
		Contacts: []string{"security@acme.example"}, Notes: "Main CRM vendor", SetTier: "high"}
	owner := "Vendor management"
	got, err := assess.ApplySubjectChange(cur, assess.SubjectChange{Owner: &owner})
	if err != nil {
		t.Fatal(err)
	}
	want := cur
	want.Owner = owner
	if !reflect.DeepEqual(got, want) {
		t.Errorf("owner change gave %+v, want %+v", got, want)
	}
	contacts := []string{"dpo@acme.example", "  ", "Jo Bloggs"}
	got, err = assess.ApplySubjectChange(got, assess.SubjectChange{Contacts: &contacts})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Contacts, []string{"dpo@acme.example", "Jo Bloggs"}) || got.Owner != owner || got.Notes != cur.Notes {
		t.Errorf("contacts change gave %+v", got)
	}
	bad := "galactic"
	if _, err := assess.ApplySubjectChange(cur, assess.SubjectChange{SetTier: &bad}); assess.ErrorCode(err) != assess.EInvalid {
		t.Errorf("an unknown tier: %v, want an invalid error", err)
	}
}
