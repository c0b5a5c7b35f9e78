package questionnaires_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// verdictAnswers reads the answers of a case of testdata/verdicts as
// TestVerdictsWorkedByHand does.
func verdictAnswers(t *testing.T, q *assess.Questionnaire, file string) assess.Answers {
	t.Helper()
	path := filepath.Join("testdata", "verdicts", file)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return answersFile(t, path, src, q)
}
