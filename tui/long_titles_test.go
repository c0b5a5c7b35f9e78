package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A section title of 20,000 characters (from a careless paste, which
// assay lint warns of but does not refuse; a stored snapshot may hold a
// longer one) filled the question pane at 80x24: the line saying where
// the interview is wrapped it in full and was kept on screen, so the
// question and its options could not be seen. That line is cut after
// three lines; the sidebar already cut a title to two.
func TestALongSectionTitleLeavesTheQuestionOnScreen(t *testing.T) {
	src := "id: long\nversion: \"1\"\ntitle: Long\nkind: privacy\nsections:\n" +
		"  - id: s\n    title: \"Start " + strings.Repeat("very long title ", 1240) + "end\"\n    questions:\n" +
		"      - {id: mfa, type: control, text: Is multi-factor authentication enforced?, severity: high, action: Enforce it.}\n"
	q, problems := questionnaires.Parse("long.yaml", []byte(src), questionnaires.Catalog())
	if q == nil || len(problems) > 0 {
		t.Fatal(problems)
	}
	e := newEnv(t)
	e.extra = append(e.extra, q)
	a := &assess.Assessment{UUID: e.uuid(), Subject: "Data store", SubjectKind: "system", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday}
	if err := e.db.CreateAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	f := e.startSized(e.deps(), 80, 24)
	f.waitFor("Data store")
	f.press("enter")
	f.waitFor("question 1 of 1", "Is multi-factor authentication enforced?", "Yes")
	for i, l := range strings.Split(f.screen(), "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("line %d is %d columns wide", i+1, w)
		}
	}
	f.quit()
}
