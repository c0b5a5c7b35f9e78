package main

import (
	"strings"
	"testing"
)

// A monthly cadence from the last day of January falls due on the last
// day of February (28 days in 2026, 29 in 2028), and reads "every 1
// month", not "1 months".
func TestMonthlyCadenceFromMonthEnds(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_CONFIG"] = writeFile(t, t.TempDir(), "config.yaml", "cadence:\n  default: 1\n")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Jan", "--date", "2026-01-31")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Leap", "--date", "2028-01-31")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Year end", "--date", "2026-12-31")
	out := s.ok("due", "--as-of", "2026-02-28", "--within", "0")
	if !strings.Contains(out, "2026-02-28  due today") || strings.Contains(out, "Leap") {
		t.Errorf("due on 2026-02-28:\n%s", out)
	}
	out = s.ok("due", "--as-of", "2028-02-01", "--within", "28")
	for _, want := range []string{"2028-02-29  due in 28 days", "2027-01-31  overdue by 366 days", "- 1 month 2026-01-31"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("due on 2028-02-01 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "1 months") {
		t.Errorf("due says \"1 months\":\n%s", out)
	}
	if out := s.ok("subject", "show", "Jan"); !strings.Contains(out, "every 1 month;") {
		t.Errorf("subject show:\n%s", out)
	}
}
