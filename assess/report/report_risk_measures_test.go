package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// A FRIA rates each risk as found and after the planned measures, and
// the committee is asked to decide on the rating after them; the report
// gave both ratings and never said what the measures were, nor which
// items of the plan carry them out, though the analyst recorded both
// (Article 27(1)(f) asks for them). Here a discrimination risk rated
// high as found is low after measures that rely on informing the
// workers, an item still open and overdue: the report has to say so.
func TestReportRiskRegisterSaysThePlannedMeasuresAndTheirPlanItems(t *testing.T) {
	q := builtin(t, "eu-ai-act-fria")
	measures := "Test outcomes by group | each `quarter`\n# not a heading\n<script>alert(1)</script>"
	answers := assess.Answers{
		"workplace-use":    {QuestionID: "workplace-use", Value: assess.Value{Choices: []string{"yes"}}},
		"workers-informed": {QuestionID: "workers-informed", Value: assess.Value{Choices: []string{"no"}}},
		"risk-discrimination": {QuestionID: "risk-discrimination", Value: assess.Value{Risk: &assess.RiskRating{
			Likelihood: 3, Impact: 3, AfterLikelihood: 2, AfterImpact: 2,
			Measures: measures, PlanItems: []string{"workers-informed"},
		}}},
	}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "HireRank", Questionnaire: q, AssessedOn: govDay("2026-06-01"), Answers: answers}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	start := strings.Index(md, "## Risk register")
	if start < 0 {
		t.Fatalf("no risk register:\n%s", md)
	}
	register := md[start:]
	register = register[:strings.Index(register, "### Likelihood")]
	// The Markdown wraps at 80 columns: read it with each line's indent
	// and end as one space.
	joined := strings.Join(strings.Fields(register), " ")
	// The measures, each line as typed (a hard break, \ at its end) and
	// none of them structure; then the plan item by its finding's label
	// and question, due 30 days (high) after 2026-06-01 and overdue on
	// 2026-12-05.
	want := "R1 (Discrimination (Charter Article 21)): **Measures:** Test outcomes by group \\| each \\`quarter\\`\\ " +
		"\\# not a heading\\ &lt;script&gt;alert(1)&lt;/script&gt;\\ " +
		"**Plan items:** F1 `workers-informed` (open, due 2026-07-01, **overdue**; owner *unassigned*)."
	if !strings.Contains(joined, want) {
		t.Errorf("the risk register does not say\n%s\nin:\n%s", want, register)
	}
	// A risk with no measures recorded says nothing of them.
	if strings.Contains(register, "R2 (") {
		t.Errorf("the risk register speaks of measures for a risk that has none:\n%s", register)
	}
}
