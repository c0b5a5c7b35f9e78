package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The DPIA leaves two places for risks the analyst names in the note,
// optional, and says to leave one unrated when there is none. The risk
// register listed each place left unrated as a risk all the same: "R8 |
// Another risk the analyst adds (named in the note) | not rated | not
// rated | not rated", the questionnaire's wording for the place, which a
// committee reads as a risk nobody assessed. A place left unrated is now
// not listed, and a sentence under the register says so. Worked out by
// hand from the verdict case of delivery vans tracked off duty: its
// risk-other-1 is rated and named ("Drivers' private movements outside
// working hours (home, evenings, weekends) recorded."), risk-other-2 is
// left unrated; the six risks before them are R1 to R6, so the named one
// is R7, and one place is left unrated.
func TestRiskRegisterLeavesOutAPlaceForAnotherRiskLeftUnrated(t *testing.T) {
	q, answers := verdictCase(t, "dpia", "dpia-delivery-van-gps-tracking-off-duty.yaml")
	a := &assess.Assessment{ID: 5, UUID: "u", Subject: "Van fleet", Questionnaire: q, AssessedOn: govDay("2026-03-01"), Answers: answers}
	opts := report.Options{Today: govDay("2026-03-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	start, end := strings.Index(md, "## Risk register"), strings.Index(md, "### Planned measures")
	if start < 0 || end < start {
		t.Fatalf("no risk register with planned measures in:\n%s", md)
	}
	register := md[start:end]
	if !strings.Contains(register, "| R7 | Drivers' private movements outside working hours") {
		t.Errorf("the named further risk is not R7 in:\n%s", register)
	}
	for _, placeholder := range []string{"| R8 |", "Another risk the analyst adds"} {
		if strings.Contains(register, placeholder) {
			t.Errorf("the register lists the place left unrated (%q):\n%s", placeholder, register)
		}
	}
	if want := "The questionnaire leaves room for one more risk the analyst names; it was left unrated, so no other risk is listed."; !strings.Contains(oneSpaced(register), want) {
		t.Errorf("the register does not say why no other risk is listed: want %q in:\n%s", want, register)
	}
}
