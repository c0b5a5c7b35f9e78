package tui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The report exported from the workspace gives an accepted risk the day
// the audit trail recorded its acceptance, as assay report does: made
// without the trail's stamps, its accepted risks had no "Accepted on"
// column and the plan no "risk-accepted on" day.
func TestExportedReportDatesTheAcceptedRisk(t *testing.T) {
	e, a := payrollAnswered(t)
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	// The trail stamps the acceptance with this machine's clock, on a
	// later day than the test's: it expires 90 days after the later.
	expires := testToday.AddDays(90)
	if now := assess.DateOf(time.Now()).AddDays(90); expires.Before(now) {
		expires = now
	}
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: expires}}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "pentest", accept, testToday); err != nil {
		t.Fatal(err)
	}
	// The day is the one the trail recorded, on this machine's calendar.
	stamps, err := e.db.PlanFieldStamps(ctx, a.ID, "pentest")
	if err != nil {
		t.Fatal(err)
	}
	st, ok := stamps[assess.FieldStatus]
	if !ok || st.At.IsZero() {
		t.Fatalf("the trail does not stamp the acceptance: %+v", stamps)
	}
	day := assess.DateOf(st.At.Local()).String()

	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	// The preview is laid out again when its record line arrives (the
	// acceptance's day comes with it), which changes the screen as a key
	// does: paging while it arrives took that change for the key's, sent
	// the next key at once, and two pages went by in one frame, the one
	// holding the heading among them. So the pages are first turned until
	// the record line (in Governance, after the accepted risks) shows,
	// from the top again if the end comes first; after that nothing but
	// the keys moves the preview.
	for page := 0; !strings.Contains(f.screen(), "Record:"); page++ {
		if page == 80 {
			t.Fatalf("no record line in the preview:\n%s", f.screen())
		}
		before, next := f.screen(), "pgdown"
		if strings.Contains(before, "100%") {
			next = "g"
		}
		f.press(next)
		f.waitUntil("the preview to scroll", func(s string) bool { return s != before })
	}
	f.press("g")
	f.waitUntil("the preview's top", func(s string) bool { return strings.Contains(s, "  0%") })
	// The preview shows the day too, read with its record line.
	for page := 0; !strings.Contains(f.screen(), "## Accepted risks"); page++ {
		if page == 40 {
			t.Fatalf("no accepted risks in the preview:\n%s", f.screen())
		}
		before := f.screen()
		f.press("pgdown")
		f.waitUntil("the preview to scroll", func(s string) bool { return s != before })
	}
	// The heading is on the screen; its table's header and first row are
	// brought into view a line at a time, so that the heading stays (a
	// page down here took it off the screen, and the test passed only when
	// the check ran before the key was handled).
	for line := 0; ; line++ {
		_, below, _ := strings.Cut(f.screen(), "## Accepted risks")
		if strings.Contains(below, "Approved") && strings.Contains(below, "CISO") {
			break
		}
		if line == 20 {
			t.Fatalf("the accepted risks' table does not come into view under its heading:\n%s", f.screen())
		}
		before := f.screen()
		f.press("down")
		f.waitUntil("the preview to scroll", func(s string) bool { return s != before })
	}
	// At 80 columns the table wraps the day after its month: the row of
	// CISO's acceptance holds "2026-12-", the line under it the day.
	screen := f.screen()
	_, table, _ := strings.Cut(screen, "## Accepted risks")
	var header, row string
	for _, line := range strings.Split(table, "\n") {
		switch {
		case header == "" && strings.Contains(line, "Approved"):
			header = line
		case row == "" && strings.Contains(line, "CISO"):
			row = line
		}
	}
	if !strings.Contains(header, "│ Accepted") || !strings.Contains(row, "│ "+day[:8]) {
		t.Errorf("the preview's accepted risks do not give the day (%s) the acceptance was recorded:\n%s", day, screen)
	}
	f.press("e")
	f.waitFor("Export to:")
	f.press("enter")
	f.waitFor("Exported to")
	f.quit()

	got, err := os.ReadFile(filepath.Join(e.dir, "payroll-system-1-report.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(got)
	_, accepted, _ := strings.Cut(md, "## Accepted risks")
	accepted, _, _ = strings.Cut(accepted, "\n## ")
	// The workspace judges on the test's day; the trail dates the
	// acceptance by this machine's clock, a later day, and the report,
	// made today, is dated on it: never before an acceptance it shows.
	reportDay := testToday.String()
	if day > reportDay {
		reportDay = day
	}
	for _, want := range []string{"| Finding | Severity | Approved by | Accepted on | Reason | Expires | State |",
		"| CISO | " + day + " | Test booked | " + expires.String() + " | in force |"} {
		if !strings.Contains(accepted, want) {
			t.Errorf("the exported report's accepted risks lack %q:\n%s", want, accepted)
		}
	}
	if !strings.Contains(md, "**Report date:** "+reportDay) || strings.Contains(md, "after this report's date") {
		t.Errorf("the exported report is not dated %s, the later of the workspace's day and the acceptance's:\n%.1500s", reportDay, md)
	}
	if !strings.Contains(md, "risk accepted on "+day) {
		t.Errorf("the exported report's plan does not date the acceptance (risk accepted on %s)", day)
	}
}
