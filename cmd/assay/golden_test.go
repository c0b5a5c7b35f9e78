package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	uuidRE      = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	recordHexRE = regexp.MustCompile("`[0-9a-f]{64}`")
	keyIDRE     = regexp.MustCompile("`SHA256:[A-Za-z0-9+/]{43}`")
	signatureRE = regexp.MustCompile("`[A-Za-z0-9+/]{86}==`")
)

// stableUUIDs replaces the random assessment UUID, and the hashes, key and
// signature of the record line (which cover times and a random key), so
// that a golden file does not change from run to run.
func stableUUIDs(s string) string {
	s = uuidRE.ReplaceAllString(s, "00000000-0000-4000-8000-000000000000")
	s = recordHexRE.ReplaceAllString(s, "`"+strings.Repeat("0", 64)+"`")
	s = keyIDRE.ReplaceAllString(s, "`SHA256:"+strings.Repeat("A", 43)+"`")
	return signatureRE.ReplaceAllString(s, "`"+strings.Repeat("A", 86)+"==`")
}

// recordedToday writes the day the test recorded its changes on as
// YYYY-MM-DD, of the same width: the audit trail dates a change by the
// machine's clock, whatever day the test sets for the change's checks, and
// the report shows the day a risk's acceptance was recorded. That day is
// any from since, read before the test recorded anything, to now: a run
// across midnight records on the day before the one it compares on.
func recordedToday(since time.Time, s string) string {
	today := time.Now().Format(time.DateOnly)
	for d := since; ; d = d.AddDate(0, 0, 1) {
		day := d.Format(time.DateOnly)
		s = strings.ReplaceAll(s, day, "YYYY-MM-DD")
		if day >= today {
			return s
		}
	}
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/assay -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\ngot:  %q\nwant: %q\n(run go test ./cmd/assay -run %s -update and review the diff)", path, i+1, g, w, t.Name())
			}
		}
	}
}

// The pre-screen, as a user would run it: new, answers from a file, the
// report. Its answers make two recommendations of a privacy impact
// assessment (two or more high-risk criteria; decisions by automated
// means), which the report shows once with both reasons, and one of the
// fairness assessment; a pre-screen makes no findings, so the report has
// no score, coverage, findings or plan tables.
func TestGoldenPrescreenReport(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "prescreen", "-s", "Churn model | <beta>", "--date", "2026-01-31"))
	answers := filepath.Join(t.TempDir(), "prescreen.yaml")
	if err := os.WriteFile(answers, []byte(`questionnaire: prescreen
answers:
  initiative:
    answer: "Predict churn from app usage; owner: Growth team (R. Diaz)."
    note: "Kick-off 2026-01-28 `+"`draft`"+` | ticket GROW-12"
  personal-data: "yes"
  high-risk-criteria: [scoring, large-scale, combining]
  existing-dpia: "no"
  sector: "no"
  automated-decisions: decides
  vendor: "no"
  license-out: "no"
  anonymized-dataset: "no"
  cross-border: "no"
`), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ok("answer", id, "-f", answers)
	md := s.ok("report", id, "--as-of", "2026-02-02")
	checkTables(t, "prescreen", md)
	checkNoHTML(t, "prescreen", md)
	for _, absent := range []string{"## Scores", "## Framework coverage", "## Findings", "## Remediation plan", "## Accepted risks", "## Risk register"} {
		if strings.Contains(md, absent) {
			t.Errorf("pre-screen report has %q", absent)
		}
	}
	if n := strings.Count(md, "| Privacy impact assessment"); n != 1 {
		t.Errorf("the DPIA is recommended in %d rows, want 1 with both reasons", n)
	}
	golden(t, "prescreen.md", stableUUIDs(md))
}

// The vendor screen with plan edits: an owner and milestones, a due date
// moved with its reason, a risk accepted, on a report date when some items
// are overdue. Hostile notes and a hostile subject are escaped.
func TestGoldenVendorReport(t *testing.T) {
	recording := time.Now()
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme | Cloud <Ltd> `x`", "--kind", "vendor", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "golden", "vendor-answers.yaml"))
	s.ok("plan", id, "--item", "mfa", "--owner", "Sam Ortiz | IT", "--due", "2026-04-15", "--reason", "SSO rollout <April>",
		"--milestone", "2026-03-15 Admins on MFA", "--milestone", "All users", "--as-of", "2026-02-01")
	s.ok("plan", id, "--item", "mfa", "--milestone-done", "1", "--status", "in-progress", "--as-of", "2026-02-01")
	restore := onDay(t, "2026-02-01") // the acceptance is given on the day --as-of names
	s.ok("plan", id, "--item", "deletion", "--accept-approver", "Dana Reyes (CISO)", "--accept-reason", "Data is public; deletion clause at renewal",
		"--accept-expires", "2026-09-30", "--as-of", "2026-02-01")
	restore()
	s.ok("plan", id, "--item", "policy", "--owner", "Vendor manager", "--status", "done", "--as-of", "2026-02-01")
	md := s.ok("report", id, "--as-of", "2026-03-20")
	checkTables(t, "vendor", md)
	checkNoHTML(t, "vendor", md)
	// The plan is sorted by due date: the four high items due 2026-03-02
	// (Jan 31 + 30), the moved mfa 2026-04-15, the medium ones 2026-05-01.
	plan := md[strings.Index(md, "## Remediation plan"):strings.Index(md, "## Accepted risks")]
	var dues []string
	for _, line := range strings.Split(plan, "\n") {
		if m := regexp.MustCompile(`\| (\d{4}-\d\d-\d\d)`).FindStringSubmatch(line); m != nil {
			dues = append(dues, m[1])
		}
	}
	for i := 1; i < len(dues); i++ {
		if dues[i] < dues[i-1] {
			t.Errorf("plan not sorted by due date: %v", dues)
		}
	}
	golden(t, "vendor-security-screen.md", stableUUIDs(recordedToday(recording, md)))
}
