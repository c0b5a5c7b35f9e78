package store

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// One portfolio, two time zones, both stores. At 10:30 UTC on 6 December
// 2026 an analyst in Kiritimati (UTC+14, the 7th) starts an assessment
// dated 2026-12-07, and a colleague in Pago Pago (UTC-11, still the 5th)
// accepts one of its risks until 2026-12-06, a day after their today:
// the store recorded it, and every plan and report, judged no earlier
// than the assessment date, showed it expired. It is refused and
// records nothing; an acceptance until the assessment date stands.
func TestAcceptanceBeforeTheAssessmentDateFromAZoneBehind(t *testing.T) {
	contract(t, contractAcceptanceBeforeTheAssessmentDateFromAZoneBehind)
}

func contractAcceptanceBeforeTheAssessmentDateFromAZoneBehind(t *testing.T) {
	path := tempPath(t)
	at := time.Date(2026, 12, 6, 10, 30, 0, 0, time.UTC)
	ana := fixedClock(openAt(t, path), at.In(time.FixedZone("UTC+14", 14*3600)))
	bo := fixedClock(openAt(t, path), at.Add(time.Minute).In(time.FixedZone("UTC-11", -11*3600)))
	_, q := testDB(t)
	a := newAssessment(t, ana, q, "Acme Cloud Ltd", day("2026-12-07"), completeAnswers())
	boToday := assess.DateOf(bo.Now()) // 2026-12-05
	accept := func(expires string) error {
		_, _, err := bo.ChangePlanItem(as("Bo"), a.ID, "mfa", assess.PlanChange{
			Accept: assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: day(expires)}}, boToday)
		return err
	}
	before := eventCount(t, ana, a.ID)
	if err := accept("2026-12-06"); err == nil || !strings.Contains(err.Error(), "cannot expire before the assessment date 2026-12-07") {
		t.Errorf("an acceptance until 2026-12-06 of an assessment dated 2026-12-07: %v; want it refused", err)
	}
	if after := eventCount(t, ana, a.ID); after != before {
		t.Errorf("the refused acceptance added %d records", after-before)
	}
	if err := accept("2026-12-07"); err != nil {
		t.Fatalf("an acceptance until the assessment date: %v", err)
	}
	got, err := ana.Assessment(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range assess.Evaluate(got, boToday).Plan {
		if it.Key() == "mfa" && (it.Status != assess.ItemAccepted || it.Reopened) {
			t.Errorf("mfa, accepted until the assessment date and judged from a day behind it: status %s, reopened %v", it.Status, it.Reopened)
		}
	}
}
