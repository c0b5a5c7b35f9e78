package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A practice the EU AI Act prohibits is not a risk a committee accepts:
// an assessment whose answer says the system is one is not approved,
// whoever asks, and the refusal records nothing. The committee's decision
// that the system must not be used is a rejection saying so. Both
// built-in AI questionnaires hold it: the fairness review's "prohibited"
// impact level, and the FRIA's prohibited practice, which makes its
// outcome critical; so do their versions from before a knock-out could
// say so (an assessment in review pins the version it started with).
func TestApprovalOfAForbiddenUseIsRefused(t *testing.T) {
	contract(t, contractApprovalOfAForbiddenUseIsRefused)
}

func contractApprovalOfAForbiddenUseIsRefused(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fairness, _ := lib.Get("fairness-aia")
	fria, _ := lib.Get("eu-ai-act-fria")
	// fairness-aia as 2.10.0 was: the same knock-out, without forbids_use.
	old := bytes.Replace(fairness.Source, []byte(`version: "`+fairness.Version+`"`), []byte(`version: "2.10.0"`), 1)
	old = bytes.ReplaceAll(old, []byte("forbids_use: true"), nil)
	if bytes.Contains(old, []byte("forbids_use")) {
		t.Fatal("the 2.10.0 stand-in still says forbids_use")
	}
	oldFairness, err := questionnaires.Decode("fairness-aia.yaml", old)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q       *assess.Questionnaire
		answers string
		answer  string // the answer the refusal names
	}{
		{fairness, "fairness-call-centre-agent-emotion-recognition-prohibited.yaml", `ai-act-class was answered "A prohibited practice (Article 5)"`},
		{oldFairness, "fairness-call-centre-agent-emotion-recognition-prohibited.yaml", `ai-act-class was answered "A prohibited practice (Article 5)"`},
		{fria, "fria-jobseeker-counselling-cooperation-score-social-scoring.yaml", `prohibited-practice was answered "Yes: the use is, in whole or in part, a prohibited practice"`},
	} {
		t.Run(c.q.ID+"-"+c.q.Version, func(t *testing.T) {
			db, _ := testDB(t)
			fixedClock(db, signingDay)
			a := &assess.Assessment{Subject: "Agent emotion scores", SubjectKind: "system", Reviewer: "Ana Analyst", Questionnaire: c.q, AssessedOn: day("2026-03-01")}
			if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(filepath.Join("..", "questionnaires", "testdata", "verdicts", c.answers))
			if err != nil {
				t.Fatal(err)
			}
			parsed, problems := questionnaires.ParseAnswers(c.answers, src, c.q)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if err := db.SaveAnswers(as("Ana Analyst"), a.ID, parsed.Answers); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "For the committee"); err != nil {
				t.Fatal(err)
			}
			_, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-03"), "Business needs it")
			wantCode(t, err, assess.EConflict, "cannot approve assessment 1: the system must not be used ("+c.answer+"): a prohibited AI practice may not be")
			for _, want := range []string{
				"no approval can allow that use. Record the committee's decision by rejecting it with the reason the system must not be used",
				`nothing was recorded (assay review 1 --reject --comment "The system must not be used: …")`,
			} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the refusal does not say %q:\n%v", want, err)
				}
			}
			got, err := db.Assessment(as("Rui Reviewer"), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != assess.InReview || len(got.SignOffs) != 1 {
				t.Fatalf("after the refused approval: %s with %+v, want in review with the submission alone", got.Status, got.SignOffs)
			}
			got, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActReject, day("2026-03-03"), "The system must not be used: Article 5 practice")
			if err != nil {
				t.Fatal(err)
			}
			if s := got.SignOffs[len(got.SignOffs)-1]; got.Status != assess.Rejected || s.Decision != "rejected" || s.Name != "Rui Reviewer" {
				t.Errorf("the rejection: %s, %+v", got.Status, s)
			}
		})
	}
}
