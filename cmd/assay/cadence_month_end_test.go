package main

import (
	"strings"
	"testing"
)

// A monthly cadence from the last day of January falls due on the last
// day of February (28 days in 2026, 29 in 2024), 31 December + 1 month
// is 31 January of the next year, and it reads "every 1
// month", not "1 months".
func TestMonthlyCadenceFromMonthEnds(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_CONFIG"] = writeFile(t, t.TempDir(), "config.yaml", "cadence:\n  default: 1\n")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Jan", "--date", "2026-01-31")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Leap", "--date", "2024-01-31")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Year end", "--date", "2025-12-31")
	out := s.ok("due", "--as-of", "2024-02-01", "--within", "28")
	if !strings.Contains(out, "2024-02-29  due in 28 days") || strings.Contains(out, "Jan ") {
		t.Errorf("due on 2024-02-01:\n%s", out)
	}
	out = s.ok("due", "--as-of", "2026-02-28", "--within", "0")
	if !strings.Contains(out, "2026-02-28  due today") {
		t.Errorf("due on 2026-02-28:\n%s", out)
	}
	// 2024-02-29 to 2027-02-01: 365 days to 2025-02-28, 365 more to
	// 2026-02-28, and 338 to 2027-02-01.
	out = s.ok("due", "--as-of", "2027-02-01")
	for _, want := range []string{"2024-02-29  overdue by 1068 days", "2026-02-28  overdue by 338 days", "2026-01-31  overdue by 366 days", "- 1 month 2026-01-31"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("due on 2027-02-01 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "1 months") {
		t.Errorf("due says \"1 months\":\n%s", out)
	}
	if out := s.ok("subject", "show", "Jan"); !strings.Contains(out, "every 1 month;") {
		t.Errorf("subject show:\n%s", out)
	}
}
