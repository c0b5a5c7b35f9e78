package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSubjectsAndDueCLI(t *testing.T) {
	s := newCLISession(t)
	if id := strings.TrimSpace(s.ok("subject", "add", "Acme Cloud Ltd", "--kind", "vendor", "--owner", "IT procurement",
		"--contact", "security@acme.example")); id != "1" {
		t.Fatalf("subject add printed %q", id)
	}
	s.fails("there is already a subject named Acme Cloud Ltd (subject 1)", "subject", "add", "ACME cloud ltd")
	s.fails(`unknown tier "huge"`, "subject", "add", "Globex", "--tier", "huge")
	s.ok("subject", "add", "Globex", "--kind", "dataset", "--tier", "high")
	s.ok("subject", "add", "Initech", "--kind", "system")

	// assay new attaches by name, ignoring case. Acme, 2025-03-01: special
	// category data and a severe outage, hard to replace: tier critical.
	s.ok("--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", "acme CLOUD ltd", "--kind", "vendor", "--date", "2025-03-01")
	s.ok("answer", "1", "-f", answersFile(t, "data-class: special\noutage-impact: severe\nsubstitutable: hard"))
	s.fails("Acme Cloud Ltd is recorded as a vendor, not a dataset", "--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", "Acme Cloud Ltd", "--kind", "dataset")
	// Globex, tier high set by hand, assessed 2024-05-01: due 2025-05-01.
	s.start("vendor-tiering", "Globex", "2024-05-01", "")
	// Initech: no tier (36 months), assessed 2023-04-01: due 2026-04-01.
	s.start("vendor-tiering", "Initech", "2023-04-01", "")
	// A new subject from assay new.
	s.start("vendor-tiering", "Umbrella", "2026-02-01", "")

	out := s.ok("subject", "show", "ACME CLOUD LTD", "--as-of", "2026-03-10")
	for _, want := range []string{
		"Subject 1: Acme Cloud Ltd\n", "  Owner:    IT procurement\n", "  Contacts: security@acme.example\n",
		"  Tier:     critical (from assessment 1)\n",
		"  Cadence:  every 12 months; next due 2026-03-01 (overdue by 9 days)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("subject show lacks %q:\n%s", want, out)
		}
	}

	// On 2026-03-10 with the default cadence: Globex overdue since
	// 2025-05-01 (313 days), Acme since 2026-03-01 (9 days), Initech due
	// 2026-04-01 (22 days, within 30); Umbrella is due 2029-02-01.
	out = s.ok("due", "--as-of", "2026-03-10")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := [][]string{
		{"SUBJECT", "KIND", "TIER", "EVERY", "LAST ASSESSED", "DUE", "STATE", "IN PROGRESS"},
		{"Globex", "dataset", "high", "12 months", "2024-05-01 (#2, not approved)", "2025-05-01", "overdue by 313 days", "-"},
		{"Acme Cloud Ltd", "vendor", "critical", "12 months", "2025-03-01 (#1, not approved)", "2026-03-01", "overdue by 9 days", "-"},
		{"Initech", "system", "-", "36 months", "2023-04-01 (#3, not approved)", "2026-04-01", "due in 22 days", "-"},
	}
	if len(lines) != len(want) {
		t.Fatalf("due:\n%s", out)
	}
	for i, w := range want {
		if cells := splitColumns(lines[i]); strings.Join(cells, "|") != strings.Join(w, "|") {
			t.Errorf("due line %d: %q, want %q", i, cells, w)
		}
	}
	// A narrower window leaves Initech out; the config file's cadence
	// changes the months.
	if out := s.ok("due", "--as-of", "2026-03-10", "--within", "7"); strings.Contains(out, "Initech") {
		t.Errorf("--within 7 still lists Initech:\n%s", out)
	}
	cfg := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "config.yaml")
	os.MkdirAll(filepath.Dir(cfg), 0o700)
	os.WriteFile(cfg, []byte("cadence:\n  critical: 24\n  default: 48\n"), 0o600)
	var rows []dueRow
	if err := json.Unmarshal([]byte(s.ok("due", "--as-of", "2026-03-10", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	// Acme now due 2027-03-01 and Initech 2027-04-01: only Globex is left.
	if len(rows) != 1 || rows[0].Name != "Globex" || rows[0].Due != "2025-05-01" || rows[0].DaysLeft != -313 || rows[0].State != "overdue" {
		t.Fatalf("due with config cadence: %+v", rows)
	}
	os.WriteFile(cfg, []byte("cadence:\n  extreme: 1\n"), 0o600)
	s.fails(`cadence: unknown tier "extreme"`, "due")
	os.Remove(cfg)

	// Edit and rename; the open assessment follows the new name.
	s.ok("subject", "edit", "1", "--name", "Acme Cloud Group", "--contact", "")
	out = s.ok("subject", "list", "--as-of", "2026-03-10")
	if !strings.Contains(out, "Acme Cloud Group") || strings.Contains(out, "Acme Cloud Ltd") {
		t.Fatalf("subject list after rename:\n%s", out)
	}
	if out := s.ok("list"); !strings.Contains(out, "Acme Cloud Group") {
		t.Fatalf("assessment not renamed:\n%s", out)
	}
	s.fails("nothing to change", "subject", "edit", "1")
	s.ok("verify")
}

func answersFile(t *testing.T, body string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("answers:\n")
	for _, l := range strings.Split(body, "\n") {
		b.WriteString("  " + l + "\n")
	}
	p := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// splitColumns splits a tabwriter line on runs of two or more spaces.
func splitColumns(line string) []string {
	var out []string
	for _, c := range strings.Split(line, "  ") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// assay new without --kind records the kind the questionnaire is about for
// a new subject, as the workspace offers it, and leaves a subject already
// recorded as it is; --kind that differs from the recorded kind is refused.
func TestNewOffersTheQuestionnairesSubjectKind(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01")
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	s.ok("new", "-q", "data-licensing", "-s", "Loyalty data", "--date", "2026-03-01")
	s.ok("new", "-q", "dpia", "-s", "acme cloud ltd", "--date", "2026-03-02")
	s.fails("Acme Cloud Ltd is recorded as a vendor, not a system", "new", "-q", "dpia", "-s", "Acme Cloud Ltd", "--kind", "system")
	out := s.ok("subject", "list")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^\d+ +Payroll +system `),
		regexp.MustCompile(`(?m)^\d+ +Acme Cloud Ltd +vendor +- +- +2 `),
		regexp.MustCompile(`(?m)^\d+ +Loyalty data +dataset `),
	} {
		if !want.MatchString(out) {
			t.Errorf("assay subject list:\n%s\nwant a line matching %s", out, want)
		}
	}
}
