package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Last year's vendor screen of Acme was approved on conditions by Rui
// Costa; this year's, with the same answers, was sent back by him and is
// in review again. assay diff and the report's "Changes since" both tell
// the committee where each review stands, and that nothing else changed
// (the default due dates are a year apart, which they say why). Worked
// out by hand from the signatures given below.
func TestDiffTellsTheReview(t *testing.T) {
	s := newCLISession(t)
	last := s.startBuiltin("vendor-security-screen", "Acme", "2025-01-31", vendorAnswers)
	s.ok("review", last, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes", "--date", "2025-02-03")
	s.ok("review", last, "--approve", "--comment", "On condition that MFA is enforced by June", "--reviewer", "Rui Costa", "--date", "2025-02-10")
	this := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("review", this, "--submit", "--reviewer", "Dana Reyes", "--date", "2026-02-02")
	s.ok("review", this, "--reject", "--comment", "Evidence | <b>missing</b>", "--reviewer", "Rui Costa", "--date", "2026-02-04")
	s.ok("review", this, "--submit", "--comment", "Evidence added", "--reviewer", "Dana Reyes", "--date", "2026-02-05")

	out := s.ok("diff", last, this, "--as-of", "2026-03-15")
	want := `From assessment 1: Acme, vendor-security-screen 2.16.0, 2025-01-31, approved
To   assessment 2: Acme, vendor-security-screen 2.16.0, 2026-01-31, in review

Review: approved by Rui Costa on 2025-02-10 ("On condition that MFA is enforced by June") -> in review, submitted by Dana Reyes on 2026-02-05 ("Evidence added"), after a rejection by Rui Costa on 2026-02-04 ("Evidence | <b>missing</b>")

Nothing else changed: the answers, scores, levels, findings and remediation plan are the same.
The default due dates count from each assessment's date; those that moved with it are not counted as changes.
`
	if out != want {
		t.Errorf("assay diff:\n%s\nwant:\n%s", out, want)
	}

	md := s.ok("report", this, "--since", last, "--as-of", "2026-03-15")
	_, changes, _ := strings.Cut(md, "## Changes since assessment 1")
	changes, _, _ = strings.Cut(changes, "\n## ")
	flat := strings.Join(strings.Fields(changes), " ")
	for _, want := range []string{
		"Compared with assessment 1 of Acme: Vendor security screen 2.16.0, assessed 2025-01-31, approved.",
		`| Review | approved by Rui Costa on 2025-02-10 ("On condition that MFA is enforced by June") | in review, submitted by Dana Reyes on 2026-02-05 ("Evidence added"), after a rejection by Rui Costa on 2026-02-04 ("Evidence \| &lt;b&gt;missing&lt;/b&gt;") |`,
		"Nothing else changed: the answers, scores, levels, findings and remediation plan are the same.",
		"The default due dates count from each assessment's date; those that moved with it are not counted as changes.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("Changes since lacks %q:\n%s", want, changes)
		}
	}
	checkNoHTML(t, "since-review", md)

	// The other formats are built from the same document; their text says
	// the same, the comment's markup as text.
	// (Short pieces: a PDF's text runs a table's cells side by side, line
	// by line.)
	wants := []string{"approved by Rui Costa on 2025-02-10", "in review, submitted by Dana Reyes on 2026-02-05",
		`("Evidence | <b>missing</b>")`,
		"Nothing else changed: the answers, scores, levels, findings and remediation plan are the same."}
	report := func(format string) []byte {
		return []byte(s.ok("report", this, "--since", last, "--as-of", "2026-03-15", "--format", format))
	}
	texts := map[string]string{"html": rendertest.HTMLText(t, report("html"))}
	texts["docx"], _ = rendertest.DOCXText(t, report("docx"))
	texts["pdf"] = strings.Join(rendertest.PDFPages(t, report("pdf")), "")
	for format, text := range texts {
		for _, want := range wants {
			if !strings.Contains(rendertest.Squeeze(text), rendertest.Squeeze(want)) {
				t.Errorf("the %s report lacks %q", format, want)
			}
		}
	}
}
