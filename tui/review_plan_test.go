package tui_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// answerAllTypes stores a full set of answers with one finding: the
// penetration test is older than a year (2025-01-15 on 2026-03-31).
func answerAllTypes(t *testing.T, e *env, id int64) {
	t.Helper()
	if err := e.db.SaveAnswers(context.Background(), id, allTypesAnswers()); err != nil {
		t.Fatal(err)
	}
}

// payrollAnswered is a new workspace database holding one assessment of
// the Payroll system on all-types.yaml, answered by answerAllTypes.
func payrollAnswered(t *testing.T) (*env, *assess.Assessment) {
	t.Helper()
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	answerAllTypes(t, e, a.ID)
	return e, a
}

func allTypesAnswers() []assess.Answer {
	n5, n250k := decimal.FromInt(5), decimal.FromInt(250000)
	pentest, _ := assess.ParseDate("2025-01-15")
	return []assess.Answer{
		{QuestionID: "mfa", Value: assess.Value{Choices: []string{"yes"}}, Note: "Seen in the IdP console", Evidence: []string{"idp-policy.pdf"}},
		{QuestionID: "hosting", Value: assess.Value{Choices: []string{"eu"}}},
		{QuestionID: "data", Value: assess.Value{Choices: []string{"contact"}}},
		{QuestionID: "staff", Value: assess.Value{Number: &n5}},
		{QuestionID: "records", Value: assess.Value{Number: &n250k}},
		{QuestionID: "pentest", Value: assess.Value{Date: pentest}},
		{QuestionID: "purpose", Value: assess.Value{Text: "Paying staff"}},
		{QuestionID: "breach", Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 4, AfterLikelihood: 1, AfterImpact: 2}}},
	}
}

func TestReviewPanes(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("[Scores]", "Overall risk:", "Answered 8 of 8")
	f.golden("review-scores")
	f.press("right")
	f.waitFor("[Why]")
	f.press("right")
	f.waitFor("[Risks]", "Risk matrix, as found", "1. Data breach: critical → low")
	f.press("a")
	f.waitFor("Risk matrix, after measures")
	f.golden("review-risks")
	// enter on a risk opens its question; esc comes back to the risks.
	f.press("enter")
	f.waitFor("[Interview]", "The data leaks through an attack on the processor.")
	f.press("esc")
	f.waitFor("[Review]", "Risk matrix, after measures")
	f.press("right")
	f.waitFor("[Coverage]", "ISO/IEC 27001:2022", "A.8.5")
	f.press("enter")
	f.waitFor("Status: met", "mfa", "Note: Seen in the IdP console", "Evidence: idp-policy.pdf")
	// enter on a question behind the control opens it; esc comes back
	// to the control's questions.
	f.press("enter")
	f.waitFor("[Interview]", "Is multi-factor authentication enforced?")
	f.press("esc")
	f.waitFor("[Review]", "Status: met")
	f.press("esc")
	f.waitGone("Status: met")
	f.press("f")
	f.waitFor("NIST CSF 2.0", "PR.AA-03")
	f.press("right")
	// The finding under the cursor opens out: its answer, its controls
	// and what to do; enter opens its question, and esc comes back.
	f.waitFor("[Findings]", "When was the last penetration test?", "Question: pentest · Figures", "Answer: 2025-01-15",
		"Action: Commission a penetration test.")
	f.press("enter")
	f.waitFor("[Interview]", "question 6 of 8", "Answer: 2025-01-15")
	f.press("esc")
	f.waitFor("[Review]", "[Findings]", "Answer: 2025-01-15")
	f.quit()
}

// The plan: the default due date worked out by hand, a due date moved
// with its reason, an accepted risk with a refused expiry, a status cycled.
func TestPlanEdits(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	// medium: 90 days from 2026-03-31 is 2026-06-29 (30 days to April 30,
	// 61 to May 31, 90 to June 29).
	f.waitFor("[Plan]", "2026-06-29 medium", "pentest")
	f.golden("plan")
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Sam Lee")
	f.waitFor("> Sam Lee")
	f.press("enter")
	f.waitFor("┃ Due date")
	for range len("2026-06-29") {
		f.press("backspace")
	}
	// A day the calendar does not have is named as such: it is written
	// as the field asks.
	f.typeText("2026-06-31")
	f.waitFor("> 2026-06-31")
	f.press("enter")
	f.waitFor("no such day: June 2026 has 30 days")
	for range len("2026-06-31") {
		f.press("backspace")
	}
	// The zero date, which would read as none, is out of range.
	f.typeText("0001-01-01")
	f.waitFor("> 0001-01-01")
	f.press("enter")
	f.waitFor("0001-01-01 stands for no date: give the day meant")
	for range len("0001-01-01") {
		f.press("backspace")
	}
	f.typeText("2026-07-31")
	f.waitFor("> 2026-07-31")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.press("enter")
	f.waitFor("say why the due date moved")
	f.typeText("Vendor test window is in July")
	f.waitFor("┃ Vendor test window is in July")
	f.press("enter")
	f.waitFor("┃ Status")
	f.press("enter")
	f.waitFor("┃ Action")
	f.press("enter")
	f.waitFor("2026-07-31", "Sam Lee", "moved from 2026-06-29: Vendor test window is in July", "saved ✓")

	f.press("a")
	f.waitFor("Accept this risk", "┃ Approver")
	f.press("enter")
	f.waitFor("┃ Reason")
	f.typeText("Compensating web application firewall")
	f.waitFor("┃ Compensating web application firewall")
	f.press("enter")
	f.waitFor("┃ Expires")
	f.typeText("2026-03-01")
	f.waitFor("> 2026-03-01")
	f.press("enter")
	f.waitFor("the expiry cannot be before today")
	for range len("2026-03-01") {
		f.press("backspace")
	}
	f.typeText("2026-09-30")
	f.waitFor("> 2026-09-30")
	f.press("enter")
	f.waitFor("risk accepted", "Risk accepted by Dana Reyes until 2026-09-30")
	f.press("s")
	f.waitFor("open ", "saved ✓")
	f.press("s")
	f.waitFor("in progress")
	f.waitFor("saved ✓")
	f.quit()

	e.reopen()
	got := e.load(a.ID).PlanEdits["pentest"]
	if got.Owner != "Sam Lee" || got.Due.String() != "2026-07-31" || got.DueReason != "Vendor test window is in July" || got.Status != assess.ItemInProgress {
		t.Errorf("plan edit stored as %+v", got)
	}
}

// The report preview shows the committee report, and e exports the exact
// Markdown that assay report writes, with the record line pinning the
// assessment's signed history.
func TestReportPreviewAndExport(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]", "Committee report preview")
	f.waitGone("Rendering…")
	f.waitFor("Payroll system")
	f.press("e")
	path := filepath.Join(e.dir, "payroll-system-1-report.md")
	f.waitFor("Export to:")
	f.press("enter")
	f.waitFor("Exported to")
	f.quit()

	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ev := assess.Evaluate(e.load(a.ID), testToday)
	pin, err := e.db.Pin(context.Background(), a.ID)
	if err != nil || pin.Entry == 0 {
		t.Fatalf("pin: %+v %v", pin, err)
	}
	want := report.Markdown(ev, report.Options{Today: testToday, Catalog: questionnaires.Catalog(), Record: &pin})
	if string(got) != want {
		t.Errorf("exported report differs from assay report's")
	}
	if !strings.Contains(string(got), "**Record:** assessment `"+a.UUID+"`") {
		t.Errorf("exported report has no record line")
	}
	if !strings.Contains(string(got), "Payroll system") {
		t.Errorf("exported report does not name the subject")
	}
}

// The plan shows the selected item in full below the list: its question
// and its action wrap over as many lines as they take, where they were
// cut at the screen's edge ("…, administrat…"), so that the action to
// agree with the vendor could only be read in the edit form.
func TestPlanDetailShowsTheWholeAction(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	if err := e.db.SaveAnswers(context.Background(), a.ID, []assess.Answer{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}}); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("p")
	f.waitFor("[Plan]", "mfa")
	screen := strings.Join(strings.Fields(f.screen()), " ")
	for _, want := range []string{
		"Is multi-factor authentication enforced for every login to systems that hold our data, including the vendor's administrators?",
		"Action: Require multi-factor authentication for all access to systems holding our data, administrators first, and confirm the exceptions in writing.",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the plan's detail lacks %q:\n%s", want, f.screen())
		}
	}
	f.quit()

	// More than the screen holds (thirty milestones) is cut with "…"
	// above the footer, which stays.
	var ms []assess.Milestone
	for i := range 30 {
		ms = append(ms, assess.Milestone{Title: fmt.Sprintf("Step %d of the roll-out", i+1)})
	}
	if _, _, err := e.db.ChangePlanItem(context.Background(), a.ID, "mfa", assess.PlanChange{AddMilestones: ms}, testToday); err != nil {
		t.Fatal(err)
	}
	f = e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("p")
	f.waitFor("[Plan]", "[ ] Step 1 of the roll-out", "enter edit item")
	if s := f.screen(); !strings.Contains(s, " …") || strings.Contains(s, "Step 30 of") || !strings.HasPrefix(s, "assay › #1 Acme Cloud Ltd") {
		t.Errorf("thirty milestones on a 24-line screen:\n%s", s)
	}
	f.quit()
}
