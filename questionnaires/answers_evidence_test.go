package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Blank evidence entries, which a vendor leaves as easily as a blank note,
// are no evidence: they are dropped, not recorded for the report to print
// as "Evidence: ; ; SOC 2 report". The workspace drops them too
// (splitEvidence).
func TestBlankEvidenceIsDropped(t *testing.T) {
	q := biGet(t, "vendor-security-screen")
	src := "answers:\n  mfa:\n    answer: \"yes\"\n    evidence: [\"\", \"  \", \"SOC 2 report 2025\", \"\\t\"]\n" +
		"  encryption-rest:\n    answer: \"yes\"\n    evidence: [\" \"]\n"
	f, problems := questionnaires.ParseAnswers("answers.yaml", []byte(src), q)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	got := map[string][]string{}
	for _, a := range f.Answers {
		got[a.QuestionID] = a.Evidence
	}
	if !slices.Equal(got["mfa"], []string{"SOC 2 report 2025"}) || len(got["encryption-rest"]) != 0 {
		t.Errorf("evidence recorded: %q", got)
	}
	if !f.Given["encryption-rest"].Evidence {
		t.Error(`evidence: [" "] no longer clears the evidence, as evidence: [] does`)
	}
}
