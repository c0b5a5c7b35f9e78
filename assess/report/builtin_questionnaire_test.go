package report_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// builtin is the built-in questionnaire id, as the reports of real
// assessments are built from it.
func builtin(t *testing.T, id string) *assess.Questionnaire {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get(id)
	if !ok {
		t.Fatalf("no %s questionnaire", id)
	}
	return q
}
