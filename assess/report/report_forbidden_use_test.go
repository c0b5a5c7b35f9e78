package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// A fairness review of a prohibited practice approved before assay
// refused such an approval read "Decision taken: approved", as if the
// approval allowed the system to be used. It still names the approval,
// and says that it does not.
func TestAnApprovedProhibitedPracticeIsNotReadAsAllowed(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("fairness-aia")
	file := "fairness-call-centre-agent-emotion-recognition-prohibited.yaml"
	src, err := os.ReadFile(filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", file))
	if err != nil {
		t.Fatal(err)
	}
	parsed, problems := questionnaires.ParseAnswers(file, src, q)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	answers := assess.Answers{}
	for _, a := range parsed.Answers {
		answers[a.QuestionID] = a
	}
	a := &assess.Assessment{ID: 4, UUID: "u", Subject: "Agent emotion scores", Questionnaire: q, AssessedOn: govDay("2026-03-01"),
		Answers: answers, Revision: 1, Status: assess.Approved, SignOffs: []assess.SignOff{
			{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-02"), Decision: "submitted"},
			{Role: assess.RoleReviewer, Name: "Rui", On: govDay("2026-03-03"), Decision: "approved", Comment: "Business needs it"},
		}}
	opts := report.Options{Today: govDay("2026-03-10")}
	md := strings.Join(strings.Fields(report.Markdown(assess.Evaluate(a, opts.Today), opts)), " ")
	want := "**Decision taken:** approved by Rui on 2026-03-03. This approval does not allow the use: " +
		"the system must not be used (`ai-act-class` was answered “A prohibited practice (Article 5)”): " +
		"a prohibited AI practice may not be placed on the market or used in the EU (AI Act Article 5). No approval can allow that use. " +
		"*Comment:* Business needs it."
	if n := strings.Count(md, want); n != 2 {
		t.Errorf("the title block and the summary say %d times\n%s\nin:\n%s", n, want, md)
	}
}
