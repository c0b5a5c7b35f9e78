package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// A report made today (Options.AsOf false) is dated no earlier than the
// newest acceptance it shows, and its plan is judged on that day; every
// format renders the one document, whose date (Meta.Date, the PDF's and
// DOCX's properties) is the same. Worked out by hand: vendor-security-
// screen assessed 2026-11-01, mfa and policy answered no (findings); policy moved to be due
// 2026-12-05; mfa's risk accepted on 2026-12-06 by a colleague whose day
// it already was, while it is 2026-12-05 where the report is made. Dated
// 2026-12-06, policy is 1 day overdue and mfa's acceptance is in force,
// not "after this report's date". As of 2026-12-05, asked for, the report
// keeps that day, policy is due that day (not overdue) and the
// acceptance is marked as given after it.
func TestReportDatedOnTheNewestAcceptanceItShows(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa":    {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}},
		"policy": {QuestionID: "policy", Value: assess.Value{Choices: []string{"no"}}},
	},
		PlanEdits: map[string]assess.PlanEdit{
			"policy": {Key: "policy", Due: govDay("2026-12-05"), DueReason: "Board meets then"},
			"mfa": {Key: "mfa", Status: assess.ItemAccepted,
				Acceptance: &assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: govDay("2027-06-30")}},
		}}
	accepted := map[string]assess.Date{"mfa": govDay("2026-12-06")}
	policyRow := func(md string) string {
		for _, line := range strings.Split(md, "\n") {
			if strings.Contains(line, "Board meets then") {
				return line
			}
		}
		t.Fatalf("no policy row in the plan:\n%s", md)
		return ""
	}

	opts := report.Options{Today: govDay("2026-12-05"), AcceptedOn: accepted}
	doc := report.Build(assess.Evaluate(a, opts.Today), opts)
	md := report.Render(doc)
	if doc.Meta.Date != "2026-12-06" || !strings.Contains(md, "**Report date:** 2026-12-06") {
		t.Errorf("made on 2026-12-05, showing an acceptance of 2026-12-06: dated %s:\n%.800s", doc.Meta.Date, md)
	}
	if strings.Contains(md, "after this report's date") {
		t.Errorf("the acceptance is marked as given after the report's date:\n%s", md)
	}
	if row := policyRow(md); !strings.Contains(row, "**overdue**") {
		t.Errorf("policy, due 2026-12-05, is not overdue on 2026-12-06: %s", row)
	}

	opts.AsOf = true
	doc = report.Build(assess.Evaluate(a, opts.Today), opts)
	md = report.Render(doc)
	if doc.Meta.Date != "2026-12-05" || !strings.Contains(md, "in force; accepted after this report's date") {
		t.Errorf("as of 2026-12-05, asked for: dated %s, acceptance not marked as given after:\n%s", doc.Meta.Date, md)
	}
	if row := policyRow(md); strings.Contains(row, "overdue") {
		t.Errorf("policy, due 2026-12-05, is overdue on 2026-12-05: %s", row)
	}
}
