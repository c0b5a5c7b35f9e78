package tui_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// Accessible mode's spoken plan is judged on the day the report made the
// same minute is dated (assess.JudgedAsReported), as its CSV is: no
// earlier than the newest acceptance it shows, which a colleague whose
// calendar is a day ahead may have given on a day that has not begun
// where the listener is. Judged on the listener's today, the plan said
// nothing overdue where the report had an item overdue.
//
// Worked out by hand (payrollAcceptedAhead), with D the day the trail
// records pentest's acceptance and the listener's today D-1: pentest,
// due 2026-06-29 (assessed 2026-03-31, medium: 90 days), accepted on D
// until 2099-12-31, is closed; mfa, moved to be due on D-1, is due on
// D-1 and 1 day overdue on D, the report's date. As of D: 2 items, 1
// open, 1 overdue; item 2 (sorted by due date) is mfa, overdue.
func TestAccessiblePlanIsJudgedOnTheDayItsReportIs(t *testing.T) {
	e, a, other, day, yesterday := payrollAcceptedAhead(t)
	if other != "mfa" {
		t.Fatalf("the item moved is %s, not mfa as worked out", other)
	}
	d := e.deps()
	d.Today = func() assess.Date { return yesterday }
	var out strings.Builder
	// The plan (2), item 2 in full, back, quit.
	typed := strings.Join([]string{strconv.FormatInt(a.ID, 10), "2", "2", "b", "q"}, "\n") + "\n"
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(typed), &out); err != nil {
		t.Fatal(err)
	}
	said := out.String()
	for _, want := range []string{
		"Remediation plan of assessment " + strconv.FormatInt(a.ID, 10) + ", Payroll system: 2 items, 1 open, 1 overdue, as of " + day.String() + ".",
		"Item 1: pentest, severity medium, due 2026-06-29, status risk accepted, no owner.",
		"Item 2: mfa, severity high, due " + yesterday.String() + ", status open, overdue, no owner.",
		"Item mfa, severity high, due " + yesterday.String() + ", status open, overdue, no owner.",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("accessible mode on %s does not say %q (the report is dated %s):\n%s", yesterday, want, day, said)
		}
	}
}
