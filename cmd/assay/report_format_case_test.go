package main

import "testing"

// --format takes a format's name in any case, as it took PDF and Md:
// --format CSV was "not a format (use … csv …)", and --format CSV -o
// plan.csv was refused as a name for another format than CSV.
func TestReportFormatInAnyCase(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	for lower, upper := range map[string]string{"csv": "CSV", "oscal-poam": "OSCAL-POAM", "md": "MD"} {
		want := s.ok("report", id, "--format", lower, "--as-of", "2026-02-01")
		if got := s.ok("report", id, "--format", upper, "--as-of", "2026-02-01"); got != want {
			t.Errorf("--format %s differs from --format %s", upper, lower)
		}
	}
	s.ok("report", id, "--format", "CSV", "-o", t.TempDir()+"/plan.csv")
}
