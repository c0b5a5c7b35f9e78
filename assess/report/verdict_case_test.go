package report_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// verdictCase reads one of the hand-rated verdict cases
// (questionnaires/testdata/verdicts) as its built-in questionnaire takes
// it, for a report test to build its assessment on.
func verdictCase(t *testing.T, questionnaireID, file string) (*assess.Questionnaire, assess.Answers) {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get(questionnaireID)
	if !ok {
		t.Fatalf("no built-in questionnaire %q", questionnaireID)
	}
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
	return q, answers
}
