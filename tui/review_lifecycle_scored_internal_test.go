package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The review's line on where the assessment stands scored the assessment
// again at every frame (Decider.ApprovalWithheldForUse, and for a team
// login each decision offered), though the session holds the result
// already. It reads the session's result: here the answers are changed
// under the session after it scored them, so a line that scores again
// says what the changed answers give (S approves), and one that reads
// the session's says what its result holds: the prohibited practice,
// which S only rejects.
func TestReviewLineReadsTheSessionsResult(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("fairness-aia")
	file := "fairness-call-centre-agent-emotion-recognition-prohibited.yaml"
	src, err := os.ReadFile(filepath.Join("..", "questionnaires", "testdata", "verdicts", file))
	if err != nil {
		t.Fatal(err)
	}
	parsedAnswers, problems := questionnaires.ParseAnswers(file, src, q)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, c := range []struct {
		name        string
		roles       []string
		want, wrong string
	}{
		{"own file", nil, "· S rejects: it must not be used", "approves"},
		{"team approver", []string{assess.RoleAnalyst, assess.RoleApprover}, "· S rejects or withdraws it to draft", "approves"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := &assess.Assessment{ID: 1, Subject: "Emotion scores", Questionnaire: q, AssessedOn: shortToday, Status: assess.InReview,
				Answers: assess.Answers{}, SignOffs: []assess.SignOff{{Role: assess.RoleAuthor, Name: "Ana", On: shortToday, Decision: "submitted"}}}
			for _, ans := range parsedAnswers.Answers {
				a.Answers[ans.QuestionID] = ans
			}
			sh := &shell{deps: Deps{Actor: "Rui", Roles: c.roles, Today: func() assess.Date { return shortToday }},
				st: newStyles(true), width: 120, height: 40, saves: &saver{}, sess: newSession(a, shortToday)}
			sh.sess.saves = sh.saves
			// Changed under the session: scored again, no use is forbidden.
			a.Answers = assess.Answers{}
			r := newReview(sh)
			view := strings.Join(strings.Fields(ansi.Strip(r.View(120, 40))), " ")
			if !strings.Contains(view, "State: in review") {
				t.Fatalf("no state line:\n%s", view)
			}
			line := view[strings.Index(view, "State: in review"):]
			line = line[:min(len(line), 120)]
			if !strings.Contains(line, c.want) || strings.Contains(line, c.wrong) {
				t.Errorf("the state line %q, want %q (the session's result)", line, c.want)
			}
		})
	}
}
