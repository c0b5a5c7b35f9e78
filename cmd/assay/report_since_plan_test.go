package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A revision that changes only the plan: the committee approved
// assessment 1 (vendor-security-screen 2.6.1 assessed 2026-01-31: mfa
// and policy answered no, access-review partly), and in the revision
// mfa's risk is accepted, policy is done with an owner, and
// access-review's deadline moves. The answers, scores and findings are
// the same, and the changes section said "Nothing changed", which a
// committee reads as the whole picture. Worked out by hand: the items'
// default deadlines are 2026-01-31 + 30 days (mfa, high: 2026-03-02),
// + 90 (policy, medium: 2026-05-01) and + 180 (access-review, low after
// its partial answer: 2026-07-30); the plan lists them by due date, so
// F1 mfa (2026-03-02), F3 access-review (2026-04-30), F2 policy
// (2026-05-01).
func TestReportSinceTellsPlanChanges(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes", "--date", "2026-02-02")
	s.ok("review", id, "--approve", "--comment", "Plan agreed", "--reviewer", "Rui Costa", "--date", "2026-02-03")
	rev := strings.TrimSpace(s.ok("revise", id))
	// The revision is a draft of the approved original: only the review
	// differs, and the section says so, then that nothing else changed.
	if unchanged := s.ok("report", rev, "--since", id, "--as-of", "2026-03-15"); !strings.Contains(unchanged,
		"| Review | approved by Rui Costa on 2026-02-03 (\"Plan agreed\") | draft |\n\nNothing else changed: the answers, scores, levels, findings and remediation plan\nare the same.") {
		t.Errorf("a revision with nothing changed does not say so:\n%s", reportSection(unchanged, "## Changes since"))
	}
	s.ok("plan", rev, "--item", "mfa", "--accept-approver", "Dana Reyes (CISO)", "--accept-reason", "Keys on order", "--accept-expires", "2027-06-30")
	s.ok("plan", rev, "--item", "policy", "--status", "done", "--owner", "Vendor manager")
	s.ok("plan", rev, "--item", "access-review", "--due", "2026-04-30", "--reason", "Quarterly cycle")

	md := s.ok("report", rev, "--since", id, "--as-of", "2026-03-15")
	changes := reportSection(md, "## Changes since")
	if strings.Contains(changes, "changed: the answers") {
		t.Errorf("the plan changed, and the report says nothing did:\n%s", changes)
	}
	for _, want := range []string{
		"| Review | approved by Rui Costa on 2026-02-03 (\"Plan agreed\") | draft |",
		"- **Findings:** 0 opened, 0 closed, 0 changed in severity.",
		"- **Answers changed:** 0.",
		"- **Plan items changed:** 3.",
		// A row for each field that moved, what it was and what it is
		// in cells of their own; nothing is "none" in italics.
		"| Finding | Item | Changed | Before | After |",
		"| F1 | `mfa` | status | open | risk accepted |\n| F1 | `mfa` | accepted by | *none* | Dana Reyes (CISO) |\n| F1 | `mfa` | acceptance expires | *none* | 2027-06-30 |",
		"| F3 | `access-review` | due | 2026-07-30 | 2026-04-30 |\n| F3 | `access-review` | reason for the due date | *none* | Quarterly cycle |",
		"| F2 | `policy` | owner | *unassigned* | Vendor manager |\n| F2 | `policy` | status | open | done |",
	} {
		if !strings.Contains(changes, want) {
			t.Errorf("the changes section lacks %q:\n%s", want, changes)
		}
	}
	if strings.Contains(changes, "| Change | Finding | Severity | Question |") || strings.Contains(changes, "| Question | Text | Changed |") {
		t.Errorf("empty tables of findings or answers changed:\n%s", changes)
	}
	checkTables(t, "since-plan", md)
	checkNoHTML(t, "since-plan", md)

	// The other formats are built from the same document; their text says
	// the same.
	wants := []string{"Plan items changed: 3.", "status open risk accepted", "accepted by none Dana Reyes (CISO)",
		"acceptance expires none 2027-06-30", "due 2026-07-30 2026-04-30", "reason for the due date none Quarterly cycle",
		"owner unassigned Vendor manager"}
	report := func(format string) []byte {
		return []byte(s.ok("report", rev, "--since", id, "--as-of", "2026-03-15", "--format", format))
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

// reportSection is the part of report md from the heading that starts with
// heading to the next section.
func reportSection(md, heading string) string {
	_, s, _ := strings.Cut(md, heading)
	s, _, _ = strings.Cut(s, "\n## ")
	return heading + s
}
