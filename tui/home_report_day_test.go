package tui_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The home screen counts an assessment's overdue items on the day its
// report made now is dated, as assay list does (assess.ReportDays): no
// earlier than the newest acceptance of a risk it shows, which a
// colleague whose calendar is a day ahead may have given on a day that
// has not begun where the analyst is. Counted on the analyst's today, the
// home screen said nothing was late where assay list, the plan screen
// and the report, the same minute, had an item overdue.
//
// Worked out by hand (payrollAcceptedAhead), with D the day the trail
// records pentest's acceptance and the analyst's today D-1: pentest is
// accepted until 2099-12-31 (closed) and mfa, open, is due on D-1. On
// D-1 that is 1 open, none late; on D, the report's date, 1 open, 1 late.
func TestHomeCountsOverdueOnTheDayTheReportIsDated(t *testing.T) {
	e, _, other, _, yesterday := payrollAcceptedAhead(t)
	if other != "mfa" {
		t.Fatalf("the item moved is %s, not mfa as worked out", other)
	}
	d := e.deps()
	d.Today = func() assess.Date { return yesterday }
	f := e.startWith(d)
	f.waitFor("Payroll system", "1/1 late")
	f.quit()
}
