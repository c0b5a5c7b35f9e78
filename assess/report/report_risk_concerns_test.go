package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The committee reads a DPIA's high risk of illegitimate access with the
// controls the risk concerns, which the recommended action works on
// (access control, cryptography), not "Controls: NIST CSF ID.RA-04; SOC 2
// CC3.2", which rating the risk met and which read as if the risk
// assessment were what was missing.
func TestReportRiskFindingListsTheControlsItConcerns(t *testing.T) {
	q := builtin(t, "dpia")
	// significant × significant: high, above the acceptable low.
	answers := assess.Answers{"risk-access": {QuestionID: "risk-access", Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 3}}}}
	a := &assess.Assessment{ID: 3, UUID: "u", Subject: "Badges", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: answers}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	start := strings.Index(md, ": `risk-access`")
	if start < 0 {
		t.Fatalf("no risk-access finding:\n%s", md)
	}
	block := md[start:]
	block = block[:strings.Index(block, "**Recommended action:**")]
	if !strings.Contains(block, "**Controls:** ISO/IEC 27001:2022 `A.5.15`") {
		t.Errorf("the risk-access finding does not list access control first:\n%s", block)
	}
	for _, id := range []string{"`A.8.24`", "`PR.AA-05`", "`CC6.1`"} {
		if !strings.Contains(block, id) {
			t.Errorf("the risk-access finding does not list %s:\n%s", id, block)
		}
	}
	for _, id := range []string{"`ID.RA-04`", "`CC3.2`"} {
		if strings.Contains(block, id) {
			t.Errorf("the risk-access finding lists %s, which rating it met:\n%s", id, block)
		}
	}
}
