package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The DPIA's and the FRIA's further risks are named in their notes: the
// register, the levels' working and the finding call a rated one by its
// note's first line, which is the only place a committee could learn what
// it is, and by the questionnaire's title (the finding by its question)
// while it has no note.
func TestFurtherRisksGoByTheNameInTheirNote(t *testing.T) {
	lib := biLibrary(t)
	for _, c := range []struct{ questionnaire, risk string }{{"dpia", "risk-other-1"}, {"eu-ai-act-fria", "risk-other"}} {
		q, ok := lib.Get(c.questionnaire)
		if !ok {
			t.Fatalf("no %s", c.questionnaire)
		}
		qq, _ := q.Question(c.risk)
		if !qq.RiskDef.NamedInNote {
			t.Errorf("%s.%s is not named in its note", c.questionnaire, c.risk)
		}
		high := assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 3, AfterLikelihood: 3, AfterImpact: 3}}
		for note, want := range map[string]string{
			"Loss of control over their data when offers follow them.\nSeen in the 2025 pilot.": "Loss of control over their data when offers follow them.",
			"  \n":                      qq.RiskDef.Title,
			"":                          qq.RiskDef.Title,
			strings.Repeat("word ", 40): strings.TrimSpace(strings.Repeat("word ", 16)) + " …",
		} {
			answers := biAnswers(t, q, false, nil)
			answers[c.risk] = assess.Answer{QuestionID: c.risk, Value: high, Note: note}
			res := assess.Score(q, answers, biAssessedOn)
			var title string
			for _, rr := range res.Risks {
				if rr.QuestionID == c.risk {
					title = rr.Title
				}
			}
			if title != want {
				t.Errorf("%s with note %q: register title %q, want %q", c.questionnaire, note, title, want)
			}
			l, _ := res.Level("residual-risk")
			if !strings.Contains(l.Why, `"`+want+`"`) {
				t.Errorf("%s: the residual risk's working does not name %q: %s", c.questionnaire, want, l.Why)
			}
			found := false
			for _, f := range res.Findings {
				if f.QuestionID == c.risk {
					found = true
					wantText := want // unnamed, the finding is the question, as every risk's
					if want == qq.RiskDef.Title {
						wantText = qq.Text
					}
					if f.Question != wantText {
						t.Errorf("%s: the finding reads %q, want %q", c.questionnaire, f.Question, wantText)
					}
				}
			}
			if !found {
				t.Errorf("%s: no finding for %s rated %v", c.questionnaire, c.risk, high)
			}
		}
	}
}
