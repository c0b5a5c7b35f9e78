package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// Team mode: a login whose analyst role was taken while its workspace
// was open (it keeps the approver role) answers a question a colleague
// answered meanwhile. The workspace must say the answer is refused for
// the role, which no retry lifts, rather than show the colleague's
// answer and offer O to overwrite it: that would be sent only to be
// refused for the role then.
func TestTeamARoleRefusalComesBeforeAConflictToSettle(t *testing.T) {
	te := newTeamEnv(t)
	ana := te.person("conflict ana", "analyst", "approver")
	cy := te.person("conflict cy", "analyst")
	q, _ := te.lib.Get("vendor-security-screen")
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Questionnaire: q, AssessedOn: assess.DateOf(time.Now())}
	ctx := context.Background()
	if err := ana.db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	// Not following others' changes: the colleague's answer is met only
	// when this one is saved.
	e := &env{t: t, lib: te.lib, dir: t.TempDir()}
	f := e.startWith(te.deps(ana))
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33", "0/33")

	theirs := assess.Answer{QuestionID: "data-sensitivity", Value: assess.Value{Choices: []string{"special"}}, Source: assess.ByAnalyst, Reviewed: true}
	if err := cy.db.SaveAnswers(ctx, a.ID, []assess.Answer{theirs}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.TeamRevoke(ctx, te.su, te.adminSigns, ana.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.press("1")
	f.waitFor("not saved: the answer to data-sensitivity: login "+ana.login+" may not", "answer questions (it has the role approver)")
	if s := f.screen(); strings.Contains(s, "overwrite theirs") || strings.Contains(s, cy.login) {
		t.Errorf("the workspace offers to overwrite %s's answer, which the server would refuse for the role:\n%s", cy.login, s)
	}
	f.quit()
	if got, err := cy.db.Assessment(ctx, a.ID); err != nil || !assess.SameAnswer(got.Answers["data-sensitivity"], theirs) {
		t.Errorf("the colleague's answer is now %+v (%v), want it kept", got.Answers["data-sensitivity"], err)
	}
}
