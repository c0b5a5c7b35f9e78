package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// twoYears stores last year's and this year's assessments of the Payroll
// system. This year's answers are last year's except that the service
// moved to the US without transfer clauses, it now holds health data, the
// penetration test is recent, and the MFA note was rewritten.
func twoYears(t *testing.T) *env {
	t.Helper()
	e, _ := payrollAnswered(t)
	this := e.createFrom("all-types.yaml", "Payroll system")
	pentest, _ := assess.ParseDate("2026-02-01")
	changed := map[string]assess.Answer{
		"mfa":     {QuestionID: "mfa", Value: assess.Value{Choices: []string{"yes"}}, Note: "Re-checked in March", Evidence: []string{"idp-policy.pdf"}},
		"hosting": {QuestionID: "hosting", Value: assess.Value{Choices: []string{"us"}}},
		"data":    {QuestionID: "data", Value: assess.Value{Choices: []string{"contact", "health"}}},
		"pentest": {QuestionID: "pentest", Value: assess.Value{Date: pentest}},
	}
	answers := []assess.Answer{{QuestionID: "transfer-safeguards", Value: assess.Value{Choices: []string{"no"}}}}
	for _, a := range allTypesAnswers() {
		if c, ok := changed[a.QuestionID]; ok {
			a = c
		}
		answers = append(answers, a)
	}
	if err := e.db.SaveAnswers(context.Background(), this.ID, answers); err != nil {
		t.Fatal(err)
	}
	return e
}

// C on this year's assessment compares it with last year's. Worked out by
// hand from testdata/all-types.yaml (dimension "risk", higher is worse;
// "overall" is low up to 50%, high above):
//
//	last year: mfa yes 0/2, hosting eu 0/2, data contact 1/4, staff 5 → 0/4,
//	  records 250,000 → 2/2, pentest 2025-01-15 (over a year) 2/2 = 5 of 16,
//	  31.25% → 31.3% (half up), low. Finding: pentest (medium).
//	this year: mfa 0/2, hosting us 2/2, transfer-safeguards (now shown) no
//	  2/2, data contact+health 4/4, staff 0/4, records 2/2, pentest
//	  2026-02-01 0/2 = 10 of 18, 55.56% → 55.6%, high. Findings: hosting
//	  (medium), transfer-safeguards (high); pentest closed.
//	answers changed: mfa (note only), hosting, transfer-safeguards, data,
//	  pentest: 5. The data breach risk and its finding did not move.
func TestCompareWithPrevious(t *testing.T) {
	e := twoYears(t)

	f := e.start()
	f.waitFor("Payroll system")
	f.press("C") // the cursor is on the most recent: this year's
	f.waitFor("Payroll system · compare #1 → #2", "From #1 Payroll system", "To   #2 Payroll system",
		"5 answers changed · Overall risk low → high · 2 findings opened · 1 finding", "closed",
		"~ Overall risk (the outcome): low → high",
		"~ Risk: 5 of 16 (31.3%) → 10 of 18 (55.6%)",
		"Findings opened (2)", "+ hosting [medium] Where is the service hosted?",
		"+ transfer-safeguards [high] Are transfers covered by standard contractual",
		"Findings closed (1)", "- pentest [medium] When was the last penetration test?")
	f.golden("diff")
	f.press("G")
	f.waitFor("Answers changed (5)",
		"• mfa · Is multi-factor authentication enforced?",
		"note      Seen in the IdP console → Re-checked in March",
		"answer    In the EU → In the US",
		"answer    (none) → No",
		"Health data",
		"answer    2025-01-15 → 2026-02-01")
	if s := f.screen(); strings.Contains(s, "breach") || strings.Contains(s, "purpose") {
		t.Errorf("unchanged answers listed as changed:\n%s", s)
	}
	f.press("esc")
	f.waitFor("Assessments", "Open/late")
	f.quit()
}

// c marks one assessment and c on another compares them, earlier first
// whichever was marked first; c on one of another subject is refused, and
// C on the first assessment of a subject says there is nothing before it.
func TestCompareMarkedPair(t *testing.T) {
	e := twoYears(t)
	e.createFrom("all-types.yaml", "Travel booking")

	f := e.start()
	f.waitFor("Travel booking", "Payroll system")
	// Most recent first: 3 Travel booking, 2 and 1 Payroll system.
	f.press("down") // #2
	f.press("c")
	f.waitFor("Comparing from #2 Payroll system: move to the other assessment and press c")
	f.press("up") // #3, another subject
	f.press("c")
	f.waitFor("assessments 2 and 3 are about different subjects")
	f.press("down", "c")
	f.waitFor("Comparing from #2")
	f.press("c") // on the same one: changed my mind
	f.waitGone("Comparing from")
	f.press("c", "down", "c") // mark #2 (later), then pick #1
	f.waitFor("Payroll system · compare #1 → #2", "From #1", "To   #2", "Overall risk low → high")
	f.press("esc")
	f.waitFor("Open/late")
	f.press("down", "down", "C") // #1 has nothing before it
	f.waitFor("No earlier assessment of Payroll system is listed")
	f.quit()
}

// Two identical assessments compare as "No changes", naming the plan,
// the review and the DPO's opinion too, which the comparison also covers
// (as the report's "Changes since" and assay diff).
func TestCompareNoChanges(t *testing.T) {
	e, _ := payrollAnswered(t)
	b := e.createFrom("all-types.yaml", "Payroll system")
	answerAllTypes(t, e, b.ID)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("C")
	f.waitFor("Payroll system · compare #1 → #2", "No changes: the answers, scores, levels, findings, remediation plan, review and",
		"\n            DPO opinion are the same.") // wrapped under itself at 80 columns
	f.quit()
}

// What a key just said on the home screen stays there when the portfolio
// is reloaded behind it (another window's change, or the reload after
// leaving a comparison, which under load can land after the next key),
// and goes with the next key: only a failed load's own message goes with
// the next good load.
func TestHomeMessageOutlivesAReload(t *testing.T) {
	e := twoYears(t)
	other := e.otherWindow()
	f := e.watching()
	f.waitFor("Payroll system")
	f.press("down", "C") // #1 has nothing before it
	f.waitFor("No earlier assessment of Payroll system is listed")
	acme := &assess.Assessment{UUID: e.uuid(), Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: "Sam Ortiz",
		Questionnaire: e.load(1).Questionnaire, AssessedOn: testToday}
	if err := other.db.CreateAssessment(context.Background(), acme); err != nil {
		t.Fatal(err)
	}
	f.waitFor("Acme Cloud Ltd")
	if !strings.Contains(f.screen(), "No earlier assessment of Payroll system is listed") {
		t.Errorf("the reload took the message away:\n%s", f.screen())
	}
	f.press("j")
	f.waitGone("No earlier assessment")
	f.quit()
}
