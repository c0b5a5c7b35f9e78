package assess_test

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The day an acceptance was recorded is read on the calendar of whoever
// makes the report. An analyst in Kiritimati (UTC+14) starts an
// assessment at 00:30 on 7 December 2026 (10:30 UTC on the 6th) and
// records a risk acceptance five minutes later; a colleague in Pago Pago
// (UTC-11, where it was 23:35 on the 5th) writes the report, which said
// the risk was accepted on 2026-12-05, two days before the assessment
// it belongs to was dated. No acceptance precedes its assessment: a
// record's day before the assessment date reads as that date. On a
// later day it reads as the day where the reader is, as before.
func TestAcceptedOnNotBeforeTheAssessmentDate(t *testing.T) {
	old := time.Local
	t.Cleanup(func() { time.Local = old })
	time.Local = time.FixedZone("UTC-11", -11*3600)

	ev := &assess.Evaluation{
		Assessment: &assess.Assessment{AssessedOn: assess.NewDate(2026, 12, 7)},
		Plan: []assess.PlanItem{
			{Finding: assess.Finding{Key: "mfa"}, Status: assess.ItemAccepted},
			{Finding: assess.Finding{Key: "pentest"}, Status: assess.ItemAccepted},
		},
	}
	stamps := assess.PlanStamps{
		"mfa": {assess.FieldStatus: {By: "ana", At: time.Date(2026, 12, 6, 10, 35, 0, 0, time.UTC)}},
		// 12:00 UTC on 9 December is 01:00 on the 9th in UTC-11.
		"pentest": {assess.FieldStatus: {By: "ana", At: time.Date(2026, 12, 9, 12, 0, 0, 0, time.UTC)}},
	}
	days := assess.AcceptedOn(ev, stamps)
	if got := days["mfa"].String(); got != "2026-12-07" {
		t.Errorf("an acceptance recorded five minutes after its assessment was started reads as accepted on %s; want 2026-12-07, the assessment date", got)
	}
	if got := days["pentest"].String(); got != "2026-12-09" {
		t.Errorf("an acceptance recorded at 01:00 on 9 December where the reader is reads as accepted on %s; want 2026-12-09", got)
	}
}
