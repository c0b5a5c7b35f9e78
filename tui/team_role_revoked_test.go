package tui_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// Team mode: an owner takes the analyst role from a login whose
// workspace is open (it keeps the auditor role). Its next change is
// refused by the server, which says so; the change after that must be
// refused before it shows, as for any login without the role. Before,
// the workspace went on believing the role was held: each s on the plan
// showed a status the server then refused (in-progress, then done), and
// said the server's refusal again, until the workspace was restarted.
// And the refused status stayed on the item's row (in-progress, beside
// "1 open" in the header) as if made: the row now shows the item as the
// server holds it.
func TestTeamARoleRevokedWhileOpenIsReadAgainAtTheServersRefusal(t *testing.T) {
	te := newTeamEnv(t)
	bo := te.person("revoked bo", "analyst", "auditor")
	te.teamPayroll(bo)
	f := te.workspace(bo)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	if _, err := store.TeamRevoke(context.Background(), te.su, te.adminSigns, bo.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.press("s")
	f.waitFor("not saved: a change to plan item pentest: login " + bo.login + " may not")
	f.waitGone("in progress")
	// The roles are read again in the background; the footer stops
	// offering the key once they are in, and only then does the next
	// press meet the workspace's own refusal rather than the server's.
	f.waitGone("next status")
	f.press("s")
	f.waitFor("not saved: your login "+bo.login+" has the role auditor", "plans are changed by an analyst")
	f.quit()
}

// Team mode: the same login, its analyst role taken while the interview
// is open, answers the question still unanswered. The server refuses the
// answer, and the status line says so; but the question stayed answered
// on the screen and the progress counted it (8/8), as if it were made.
// The question now shows what the server holds: unanswered, 7/8.
func TestTeamAnAnswerRefusedForARoleRevokedIsNotCounted(t *testing.T) {
	te := newTeamEnv(t)
	cy := te.person("revoked cy", "analyst", "auditor")
	q, problems, err := questionnaires.ParseFile(filepath.Join("testdata", "all-types.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("all-types.yaml: %v %v", err, problems)
	}
	a := &assess.Assessment{Subject: "Payroll system", SubjectKind: "system", Questionnaire: q, AssessedOn: assess.DateOf(time.Now())}
	ctx := context.Background()
	if err := cy.db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	// Every answer but mfa's, the first question, where the interview opens.
	if err := cy.db.SaveAnswers(ctx, a.ID, allTypesAnswers()[1:]); err != nil {
		t.Fatal(err)
	}
	f := te.workspace(cy)
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8", "7/8")
	if _, err := store.TeamRevoke(ctx, te.su, te.adminSigns, cy.login, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	f.press("1")
	f.waitFor("not saved: the answer to mfa: login "+cy.login+" may not", "7/8")
	f.quit()
	stored, err := cy.db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(stored.Answers); n != 7 {
		t.Errorf("%d answers stored, want the 7 given before the role was revoked", n)
	}
}
