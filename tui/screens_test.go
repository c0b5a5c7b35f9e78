package tui_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// screenSizes are the terminals every screen is laid out for: the
// smallest that works, the classic one, a laptop's and a wide monitor's.
var screenSizes = []struct{ w, h int }{{60, 20}, {80, 24}, {120, 40}, {200, 50}}

// Every screen at every size, compared with testdata/screens: the
// portfolio and its key list, the new-assessment form, the interview on
// each kind of field (a choice, a vendor's answer, a number waiting for
// its first digit, text being typed, a risk with its plan items), the
// review of an assessment not rated yet, each pane of the review with
// the coverage drill-down and a pre-screen's recommendations, the plan
// and its edit form, the report and its export, the sign-off form and
// the comparison. Each frame must fit its
// terminal; the goldens show how it is laid out (go test ./tui -update
// rewrites them, for review).
func TestEveryScreenAtEverySize(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			e := screensEnv(t)
			d := e.deps()
			d.ExportDir = "" // the export path shown is then the same in every run
			f := e.startSized(d, size.w, size.h)
			golden := func(name string) { f.golden(fmt.Sprintf("screens/%s-%dx%d", name, size.w, size.h)) }
			// open filters the portfolio to a subject and presses key on the
			// first (the most recent) of its shown assessments.
			open := func(subject, shown, key string) {
				f.press("esc", "/") // home keeps the last filter: esc clears it
				f.typeText(subject)
				f.press("enter")
				f.waitFor(shown + " of 4")
				f.press(key)
			}
			f.waitFor("4 of 4", "Acme Cl", "Reassessment:")
			golden("home")
			f.press("?")
			f.waitFor("Keys on this screen")
			golden("home-help")
			f.press("esc")
			f.waitGone("Keys on this screen")
			f.press("n")
			// The subject kind's options load a moment after the form (they
			// follow the questionnaire picked); until then huh says Loading.
			f.waitFor("┃ Questionnaire", "> system")
			golden("new")
			f.press("esc")
			f.waitFor("4 of 4")

			// A vendor's answers on a call.
			open("Acme", "1", "enter")
			f.waitFor("[Interview]", "vendor answers to confirm")
			golden("interview-choice")
			f.press("?")
			f.waitFor("Keys on this screen")
			golden("interview-help")
			f.press("esc")
			f.waitGone("Keys on this screen")
			f.press("y")
			f.waitFor("answer, not yet confirmed")
			golden("interview-vendor")
			f.press("tab")
			f.waitFor("[Scores]", "Overall risk: not rated yet")
			golden("review-not-rated")
			f.press("esc")
			f.waitFor("sorted by")
			f.press("esc") // the filter

			// Every kind of field, on this year's Payroll assessment.
			open("Payroll", "2", "enter")
			f.waitFor("[Interview]")
			for range 5 {
				f.press("right")
			}
			f.waitFor("How many people's records", "Answer: 250000")
			golden("interview-number")
			f.press("right", "right")
			f.waitFor("What is the service for?")
			f.press("enter")
			f.waitFor("✎ typing", "> Paying staff")
			golden("interview-text")
			f.press("esc", "right")
			f.waitFor("The data leaks through an attack")
			for range 5 {
				f.press("down")
			}
			f.press("enter")
			f.waitFor("Plan items the measures rely on")
			golden("interview-risk")
			f.press("esc")
			f.waitGone("Plan items the measures rely on")

			// The review, pane by pane.
			f.press("tab")
			f.waitFor("[Scores]")
			golden("review-scores")
			f.press("right")
			f.waitFor("[Why]")
			golden("review-why")
			f.press("right")
			f.waitFor("[Risks]", "Risk matrix")
			golden("review-risks")
			f.press("right")
			f.waitFor("[Coverage]")
			golden("review-coverage")
			f.press("enter")
			f.waitFor("Status: ")
			golden("review-drill")
			f.press("esc")
			f.waitGone("Status: ")
			f.press("right")
			f.waitFor("[Findings]", "enter opens the question")
			golden("review-findings")
			f.press("S")
			f.waitFor("Sign off", "You sign as Dana Reyes")
			golden("signoff")
			f.press("esc")
			f.waitFor("[Review]")

			// The plan and the report.
			f.press("tab")
			f.waitFor("[Plan]", "Due")
			golden("plan")
			f.press("enter")
			f.waitFor("┃ Owner")
			golden("plan-edit")
			f.press("esc")
			f.waitGone("┃ Owner")
			f.press("tab")
			f.waitFor("[Report]", "Committee report preview")
			f.waitGone("Rendering…")
			golden("report")
			f.press("e")
			f.waitFor("Export to:")
			golden("report-export")
			f.press("esc")
			f.waitGone("Export to:")
			f.press("esc")
			f.waitFor("sorted by")

			// This year against last year.
			open("Payroll", "2", "C")
			f.waitFor("compare #1 → #2")
			golden("compare")
			f.press("esc")
			f.waitFor("sorted by")

			// The pre-screen opens on what it recommends.
			open("Loan", "1", "r")
			f.waitFor("[Recommended]")
			golden("review-recommended")
			f.press("esc")
			f.waitFor("sorted by")

			// Who changed what in it, verified.
			f.press("h")
			f.waitFor("audit trail", "Audit trail verified")
			golden("trail")
			f.quit()
		})
	}
}

// screensEnv holds four assessments: last year's and this year's Payroll
// system (all-types.yaml, this year's with a risk's plan items), Acme
// Cloud Ltd's vendor screen with the vendor's answers imported, and an
// answered pre-screen; two subjects are due for reassessment.
func screensEnv(t *testing.T) *env {
	e := twoYears(t)
	this := e.load(2)
	breach := this.Answers["breach"]
	breach.Value.Risk.Measures = "Encrypt backups; require notice within 24 hours"
	breach.Value.Risk.PlanItems = []string{"hosting", "transfer-safeguards"}
	if err := e.db.SaveAnswer(context.Background(), this.ID, breach); err != nil {
		t.Fatal(err)
	}
	acme := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.importVendorFile(acme, `source: vendor
answers:
  data-sensitivity: personal
  attestation: yes
  policy:
    answer: partial
    note: Reviewed every two years.
  mfa: yes
  encryption-rest: yes
  logging: no
`)
	// The pre-screen's records are dated by a clock of the test's own,
	// a second a reading, after every real one: its audit trail's golden
	// shows the same times in every run.
	tick := time.Date(2030, time.January, 7, 9, 0, 0, 0, time.UTC)
	e.db.Now = func() time.Time { tick = tick.Add(time.Second); return tick }
	pre := e.create("prescreen", "Loan pre-approval")
	if err := e.db.SaveAnswers(context.Background(), pre.ID, prescreenAnswers()); err != nil {
		t.Fatal(err)
	}
	e.due = func(context.Context, assess.Date) ([]assess.DueSubject, error) {
		return []assess.DueSubject{
			{Subject: &assess.Subject{Name: "Zenith Payroll"}, State: assess.DueOverdue, Due: assess.NewDate(2026, time.January, 10)},
		}, nil
	}
	return e
}
