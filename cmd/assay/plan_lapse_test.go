package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A vendor whose ISO/IEC 27001 certificate runs out before the medium
// deadline, through the built binary: the payroll bureau of the verdict
// tests (tier high, every other control in place), assessed on 2026-03-02
// with its certificate expiring on 2026-05-04, 63 days on, a partial gap,
// medium. Medium's 90 days would end on 2026-05-31 (29 days left in
// March, 30 in April, 31 in May), after the certificate has lapsed; the
// report, the CSV and the OSCAL POA&M give 2026-05-04 and say why.
func TestPlanDueByTheCertificatesExpiryInEveryFormat(t *testing.T) {
	s, id := bureauCertificateExpiring(t)
	const why = "the certificate's expiry, before the medium severity's deadline of 90 days (2026-05-31)"

	csv := readPlanCSV(t, s.ok("report", id, "--format", "csv", "--as-of", "2026-03-10"))
	if len(csv) != 1 {
		t.Fatalf("plan %v, want the one iso-expiry item", csv)
	}
	if it := csv["iso-expiry"]; it["Severity"] != "medium" || it["Due"] != "2026-05-04" || it["Default due"] != "2026-05-04" || it["Default due because"] != why {
		t.Errorf("CSV: %s due %s, default %s because %q; want medium due 2026-05-04, default 2026-05-04 because %q",
			it["Severity"], it["Due"], it["Default due"], it["Default due because"], why)
	}

	md := s.ok("report", id, "--as-of", "2026-03-10")
	if cell := "| 2026-05-04<br>&#10;*due by:* the certificate's expiry; *the medium severity's deadline of 90 days would end on 2026-05-31* |"; !strings.Contains(md, cell) {
		t.Errorf("the report's plan has no cell\n%s", cell)
	}

	poam := s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-10")
	validOSCAL(t, oscalSchema(t), poam)
	var doc struct {
		POAM struct {
			Risks []struct {
				Deadline string
				Props    []struct{ Name, Value string }
			}
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal([]byte(poam), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.POAM.Risks) != 1 || !strings.HasPrefix(doc.POAM.Risks[0].Deadline, "2026-05-04T") ||
		!slices.Contains(doc.POAM.Risks[0].Props, struct{ Name, Value string }{"default-deadline-reason", why}) {
		t.Errorf("OSCAL risks %+v, want one due 2026-05-04 with default-deadline-reason %q", doc.POAM.Risks, why)
	}
}

// bureauCertificateExpiring records the bureau of the test above, its
// certificate expiring on 2026-05-04, and gives the session and the
// assessment's id.
func bureauCertificateExpiring(t *testing.T) (*cliSession, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	answers := strings.Replace(string(src), "  iso-expiry:\n    answer: 2026-03-15\n", "  iso-expiry:\n    answer: 2026-05-04\n", 1)
	if answers == string(src) {
		t.Fatal("the bureau's answers no longer give iso-expiry as 2026-03-15")
	}
	file := filepath.Join(t.TempDir(), "bureau.yaml")
	if err := os.WriteFile(file, []byte(answers), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Payroll bureau", "--date", "2026-03-02"))
	s.ok("answer", id, "-f", file)
	return s, id
}

// assay plan listed the item due 2026-05-04 with nothing to say why, the
// header's "medium 90 days" promising 2026-05-31: the notes under the
// table now say the default falls on the certificate's expiry, in the
// report's words, as does the item shown after a change.
func TestPlanCommandSaysWhyTheDefaultIsTheCertificatesExpiry(t *testing.T) {
	s, id := bureauCertificateExpiring(t)
	const note = "  default due 2026-05-04: the certificate's expiry, before the medium severity's deadline of 90 days (2026-05-31)\n"
	if out := s.ok("plan", id, "--as-of", "2026-03-10"); !strings.Contains(out, note) {
		t.Errorf("assay plan does not say under iso-expiry\n%s\nit said:\n%s", note, out)
	}
	if out := s.ok("plan", id, "--item", "iso-expiry", "--owner", "Sam Lee"); !strings.Contains(out, note) {
		t.Errorf("the item shown after a change does not say\n%s\nit said:\n%s", note, out)
	}
}
