package tui_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// teamPayroll is the all-types questionnaire's assessment, answered by
// p on the team database: its plan holds item pentest.
func (te *teamEnv) teamPayroll(p *teamPerson) *assess.Assessment {
	te.t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("testdata", "all-types.yaml"))
	if err != nil || len(problems) > 0 {
		te.t.Fatalf("all-types.yaml: %v %v", err, problems)
	}
	a := &assess.Assessment{Subject: "Payroll system", SubjectKind: "system", Questionnaire: q, AssessedOn: assess.DateOf(time.Now())}
	ctx := context.Background()
	if err := p.db.CreateAssessment(ctx, a); err != nil {
		te.t.Fatal(err)
	}
	if err := p.db.SaveAnswers(ctx, a.ID, allTypesAnswers()); err != nil {
		te.t.Fatal(err)
	}
	return a
}

// Team mode, two logins: a colleague's change to the plan comes into the
// plan screen through the server's notice, and the line under it names
// the colleague's login, the item and the field, as it does for answers.
// Before, the owner changed under the reader's eyes without a word.
func TestTeamColleaguesPlanChangeSaysWho(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("plan dana", "analyst")
	sam := te.person("plan sam", "analyst")
	a := te.teamPayroll(dana)
	f := te.workspace(dana)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	owner := "Red team"
	if _, _, err := sam.db.ChangePlanItem(context.Background(), a.ID, "pentest", assess.PlanChange{Owner: &owner}, assess.DateOf(time.Now())); err != nil {
		t.Fatal(err)
	}
	f.waitFor("Red team", sam.login+" changed plan item pentest (owner)")
	f.quit()
}
