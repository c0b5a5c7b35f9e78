package assess_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A milestone is a step of an item found on the assessment date: dated
// before it, it would read as a step due before the gap was known, as a
// due date would, and due dates before it are refused. One dated on the
// assessment day stands, and so does a milestone with no date; the
// milestones already stored are not judged again.
func TestMilestoneNotBeforeTheAssessmentDate(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 7, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Answers: answersOf(
		pick("data-class", "internal"), pick("outage-impact", "disruptive"), pick("substitutable", "hard"),
		pick("mfa", "no"), pick("encryption", "yes"), pick("breach-notice", "partial"), pick("subprocessors", "yes"))}
	today := diffDay("2026-03-10")
	plan := assess.Evaluate(a, today).Plan
	if len(plan) == 0 {
		t.Fatal("the assessment has no plan item to change")
	}
	key := plan[0].Key()

	_, err = a.ChangePlanItem(key, assess.PlanChange{AddMilestones: []assess.Milestone{
		{Title: "Kick-off"}, {Title: "Scope agreed", Due: diffDay("2026-02-28")},
	}}, today)
	if err == nil || !strings.Contains(err.Error(), "cannot be before the assessment date 2026-03-01") ||
		!strings.Contains(err.Error(), "2026-02-28") {
		t.Errorf("a milestone dated the day before the assessment: %v; want it refused", err)
	}

	e, err := a.ChangePlanItem(key, assess.PlanChange{AddMilestones: []assess.Milestone{
		{Title: "Kick-off"}, {Title: "Scope agreed", Due: diffDay("2026-03-01")},
	}}, today)
	if err != nil || len(e.Milestones) != 2 {
		t.Fatalf("milestones on the assessment day and with no date: %v, %+v", err, e.Milestones)
	}

	// One stored before the rule (an older assay took it) is kept, and
	// the item can still be changed.
	a.PlanEdits = map[string]assess.PlanEdit{key: {Key: key, Milestones: []assess.Milestone{{Title: "Old step", Due: diffDay("2026-01-15")}}}}
	owner := "Dana Reyes"
	if e, err = a.ChangePlanItem(key, assess.PlanChange{Owner: &owner}, today); err != nil || len(e.Milestones) != 1 {
		t.Errorf("changing an item with a milestone stored before the assessment date: %v, %+v", err, e.Milestones)
	}
}
