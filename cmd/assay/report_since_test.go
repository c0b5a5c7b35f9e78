package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay report --since adds the changes since last year's assessment of
// the same vendor. Worked out by hand from vendor-security-screen 2.10.0:
// last year every answer was the worst, 96 of the 96 points of "Control
// risk" (100.0%, critical). This year the attestation (weight 3, "no"
// = 2 × 3 = 6 points) is in place: 90 of 96, 93.75% (93.8), still critical
// (over 75%), so no level moves; the attestation's high finding closes;
// one answer changed, with its note and its evidence (cleared now), each
// told old and new in cells of their own. The due dates of the
// findings both have moved with the assessment date, which is said.
func TestReportSinceLastYear(t *testing.T) {
	s := newCLISession(t)
	worst := filepath.Join("testdata", "worst", "vendor-security-screen.yaml")
	last := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud", "--date", "2025-03-01"))
	s.ok("answer", last, "-f", worst)
	this := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud", "--date", "2026-03-01"))
	s.ok("answer", this, "-f", worst)
	better := filepath.Join(t.TempDir(), "better.yaml")
	if err := os.WriteFile(better, []byte("questionnaire: vendor-security-screen\nanswers:\n  attestation: {answer: \"yes\", note: \"ISO certificate | scope <all>\", evidence: []}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ok("answer", this, "-f", better)

	md := s.ok("report", this, "--since", last, "--as-of", "2026-03-15")
	for _, want := range []string{
		"## Changes since assessment 1",
		"Compared with assessment 1 of Acme Cloud: Vendor security screen 2.16.0,\nassessed 2025-03-01, draft.",
		"- **Control risk:** 96 of 96 (100.0%) → 90 of 96 (93.8%).",
		"- **Findings:** 0 opened, 1 closed, 0 changed in severity.",
		"- **Answers changed:** 1.",
		"- **Plan items changed:** 0.\n\nThe default due dates count from each assessment's date; those that moved with\nit are not counted as changes.",
		"| closed | `attestation` | high | Does a current independent",
		"| `attestation` | Does a current independent",
		// The answer, the note and each evidence reference as they were
		// and are, a row each, every side escaped in a cell of its own.
		"| answer | No | Yes, in place |",
		"| note | Note 2: a\\|b \\`code\\` &lt;script&gt;",
		" | ISO certificate \\| scope &lt;all&gt; |\n",
		"| evidence | Evidence \\| attestation | *none* |\n",
		"| evidence | &lt;b&gt;doc&lt;/b&gt; \\`v2\\` | *none* |\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report --since lacks %q", want)
		}
	}
	// The changes section lists a level only when it moved (the title
	// block and the summary name the level whatever it did).
	_, changes, _ := strings.Cut(md, "## Changes since")
	changes, _, _ = strings.Cut(changes, "\n## ")
	if strings.Contains(changes, "Overall risk:** ") {
		t.Errorf("a level that did not move is listed as changed")
	}
	if without := s.ok("report", this, "--as-of", "2026-03-15"); strings.Contains(without, "Changes since") {
		t.Errorf("the report without --since has the changes section")
	}
	checkTables(t, "since", md)
	checkNoHTML(t, "since", md)
	golden(t, "vendor-since-last-year.md", stableUUIDs(md))

	// Last year's report "since" this year's would tell the committee
	// that the attestation's finding opened.
	if code, _, errOut := s.run("", "report", last, "--since", this); code == 0 ||
		!strings.Contains(errOut, "--since: assessment 2 comes after assessment 1 (assessed on 2026-03-01, after 2025-03-01): a comparison runs from the earlier to the later (assay report 2 --since 1)") {
		t.Errorf("--since a later assessment: exit %d, %q", code, errOut)
	}
	other := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Globex", "--date", "2026-03-01"))
	if code, _, errOut := s.run("", "report", other, "--since", last); code == 0 || !strings.Contains(errOut, "--since: assessments 1 and 3 are about different subjects") {
		t.Errorf("--since across subjects: exit %d, %q", code, errOut)
	}
	if code, _, errOut := s.run("", "report", this, "--since", last, "--format", "csv"); code == 0 || !strings.Contains(errOut, "does not apply to --format csv") {
		t.Errorf("--since with CSV: exit %d, %q", code, errOut)
	}
}
