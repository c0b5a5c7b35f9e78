package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// BenchmarkReport1000 writes the committee report (Markdown) of a
// 1,000-question assessment with conditions, findings and a plan, as
// assay report does after loading it. Target: under 50 ms.
func BenchmarkReport1000(b *testing.B) {
	q, problems := questionnaires.Parse("synthetic.yaml", syntheticQuestionnaire(1000), questionnaires.Catalog())
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	day := assess.NewDate(2026, 1, 10)
	a := &assess.Assessment{ID: 1, Subject: "Acme Cloud Ltd", Questionnaire: q, AssessedOn: day,
		Answers: syntheticAnswers(q), Deadlines: assess.DefaultDeadlines()}
	opts := report.Options{Today: day, Catalog: questionnaires.Catalog()}
	var md string
	for b.Loop() {
		md = report.Markdown(assess.Evaluate(a, day), opts)
	}
	if !strings.Contains(md, "Acme Cloud Ltd") || !strings.Contains(md, "q999") {
		b.Fatalf("the report lacks the subject or the last question:\n%.2000s", md)
	}
	b.ReportMetric(float64(len(md))/1024, "KiB")
}
