package tui_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An assessment started here with a questionnaire whose ID and version an
// earlier assessment started with other content under (its file changed
// without a new version) is created, and the workspace says so, as
// assay new does: the label now names two questionnaires.
func TestNewAssessmentNotesAQuestionnaireChangedUnderTheSameVersion(t *testing.T) {
	e := newEnv(t)
	var q *assess.Questionnaire
	for _, c := range e.deps().Questionnaires {
		if c.ID == "vendor-security-screen" {
			q = c
		}
	}
	edited := *q
	edited.Source = append([]byte(string(q.Source)), "\n# edited in place\n"...)
	sum := sha256.Sum256(edited.Source)
	edited.Digest = hex.EncodeToString(sum[:])
	if err := e.db.CreateAssessment(context.Background(), &assess.Assessment{Subject: "Globex", Questionnaire: &edited}); err != nil {
		t.Fatal(err)
	}

	f := e.start()
	f.waitFor("Globex")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.pickQuestionnaire("Vendor security screen")
	f.typeText("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter")
	f.waitFor("question 1 of 33", "vendor-security-screen 2.16.0 differs from what assessment 1 started")
	f.quit()
}
