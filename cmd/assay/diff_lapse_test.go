package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay diff of the payroll bureau a year on (TestPlanDueByTheCertificatesExpiryInEveryFormat's
// vendor, assessed on 2025-03-02 and again on 2026-03-02, 365 days on):
// the iso-expiry item is due on the certificate's expiry, not on the
// medium severity's 90 days, so its due date does not move with the
// assessment's date. A new certificate expiring on the same day a year
// on printed no plan change at all, and the note that the default due
// dates moved with the assessment's date, which this one did not; a
// certificate let expire (on 2026-03-01, the day before) printed the new
// date with nothing to say why. Medium from 2026-03-02 ends on 2026-05-31
// (29 days left in March, 30 in April, 31 in May); an expired
// certificate is a high finding, and high's 30 days end on 2026-04-01.
func TestDiffTellsADueDateSetByTheCertificatesExpiry(t *testing.T) {
	s := newCLISession(t)
	lastYear := bureauAssessedOn(t, s, "2025-03-02", "2025-05-04")
	for _, c := range []struct{ expiry, want string }{
		{"2026-05-04", "  ~ iso-expiry: due: 2025-05-04 -> 2026-05-04 (the certificate's expiry, before the medium severity's deadline of 90 days (2026-05-31))\n"},
		{"2026-03-01", "  ~ iso-expiry: due: 2025-05-04 -> 2026-04-01 (the high severity's deadline of 30 days, no longer the certificate's expiry)\n"},
	} {
		thisYear := bureauAssessedOn(t, s, "2026-03-02", c.expiry)
		out := s.ok("diff", lastYear, thisYear, "--as-of", "2026-03-10")
		if !strings.Contains(out, "\nPlan items changed: 1\n"+c.want) || strings.Contains(out, "moved with it") {
			t.Errorf("certificate expiring %s a year on:\n%s\nwant the plan change\n%swithout the note on due dates moving with the assessment's date", c.expiry, out, c.want)
		}
	}
}

// bureauAssessedOn records the payroll bureau assessed on day with its
// certificate expiring on expiry, and gives the assessment's id.
func bureauAssessedOn(t *testing.T, s *cliSession, day, expiry string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	answers := strings.Replace(string(src), "  iso-expiry:\n    answer: 2026-03-15\n", "  iso-expiry:\n    answer: "+expiry+"\n", 1)
	if answers == string(src) {
		t.Fatal("the bureau's answers no longer give iso-expiry as 2026-03-15")
	}
	file := filepath.Join(t.TempDir(), "bureau.yaml")
	if err := os.WriteFile(file, []byte(answers), 0o600); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Payroll bureau", "--date", day))
	s.ok("answer", id, "-f", file)
	return id
}
