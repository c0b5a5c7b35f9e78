package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/internal/render"
	"github.com/assay-dev/assay/internal/render/rendertest"
	"github.com/assay-dev/assay/questionnaires"
)

// A milestone whose date has passed by the report's day and is not done
// is overdue, in every format, as a plan item is: a committee reading a
// report of 2026-03-10 must not take "Recertification audit report by
// 2026-02-28" for work still on time. Worked out by hand: the report's
// day is 2026-03-10; milestone 1 (2026-02-28, not done) is overdue,
// milestone 2 (2026-02-28, done) and milestone 3 (2026-03-10, the
// report's day itself) are not, nor is the past milestone of an item
// that is done.
func TestPastMilestoneNotDoneIsOverdueInEveryFormat(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	milestones := []assess.Milestone{
		{Title: "Recertification audit report from the CB", Due: govDay("2026-02-28")},
		{Title: "Scope letter", Due: govDay("2026-02-28"), Done: true},
		{Title: "Stage 1 audit", Due: govDay("2026-03-10")},
	}
	a := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-02-01"),
		Answers:   assess.Answers{"mfa": {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}},
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Owner: "Sam", Milestones: milestones}}}
	opts := report.Options{Today: govDay("2026-03-10")}
	e := assess.Evaluate(a, opts.Today)

	md := report.Markdown(e, opts)
	want := "*1.* Recertification audit report from the CB *by 2026-02-28*, **overdue**<br>&#10;" +
		"*2.* Scope letter *by 2026-02-28*, *done*<br>&#10;*3.* Stage 1 audit *by 2026-03-10* |"
	if !strings.Contains(md, want+"\n") {
		_, plan, _ := strings.Cut(md, "## Remediation plan")
		t.Errorf("Markdown: the plan has no milestones\n%s\nin:\n%s", want, plan)
	}

	doc := report.Build(e, opts)
	html, err := render.Render(render.HTML, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "Recertification audit report from the CB <em>by 2026-02-28</em>, <strong>overdue</strong>") {
		t.Errorf("HTML: milestone 1 is not marked overdue")
	}
	// The item itself is due 2026-03-03 (high, 30 days after 2026-02-01),
	// so it is overdue too: two in all in the plan, the item's and
	// milestone 1's.
	_, plan, _ := strings.Cut(md, "## Remediation plan")
	if n := strings.Count(plan, "overdue"); n != 2 {
		t.Errorf("Markdown: the plan says overdue %d times, want 2 (the item, milestone 1):\n%s", n, plan)
	}

	docxOut, err := render.Render(render.DOCX, doc)
	if err != nil {
		t.Fatal(err)
	}
	docxText, _ := rendertest.DOCXText(t, docxOut)
	if !strings.Contains(rendertest.Squeeze(docxText), rendertest.Squeeze("Recertification audit report from the CB by 2026-02-28, overdue 2. Scope letter")) {
		t.Errorf("DOCX: milestone 1 is not marked overdue")
	}

	pdf, err := render.Render(render.PDF, doc)
	if err != nil {
		t.Fatal(err)
	}
	pdfText := rendertest.Squeeze(strings.Join(rendertest.PDFPages(t, pdf), " "))
	if !strings.Contains(pdfText, rendertest.Squeeze("from the CB by 2026-02-28, overdue 2. Scope letter")) {
		t.Errorf("PDF: milestone 1 is not marked overdue in:\n%s", pdfText)
	}
}

// A done item's milestones are not overdue: there is no work left.
func TestDoneItemsMilestonesAreNotOverdue(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-02-01"),
		Answers: assess.Answers{"mfa": {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}},
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Status: assess.ItemDone, Milestones: []assess.Milestone{
			{Title: "Recertification audit report from the CB", Due: govDay("2026-02-28")}}}}}
	opts := report.Options{Today: govDay("2026-03-10")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	_, plan, _ := strings.Cut(md, "## Remediation plan")
	if strings.Contains(plan, "overdue") {
		t.Errorf("a done item's milestone is overdue:\n%s", plan)
	}
	if !strings.Contains(plan, "Recertification audit report from the CB *by 2026-02-28* |") {
		t.Errorf("the done item's milestone is missing:\n%s", plan)
	}
}
