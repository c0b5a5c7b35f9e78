package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// vendorAnswers answers the vendor security screen (ordinary personal
// data, which moves no severity): mfa no (high, full
// gap), policy no (medium), access-review partial (medium, one step
// less: low); everything else yes.
const vendorAnswers = `
data-sensitivity: personal
attestation: yes
policy: no
personnel: yes
confidentiality: yes
security-training: yes
mfa: no
least-privilege: yes
access-review: partial
leavers: yes
encryption-rest: yes
encryption-transit: yes
deletion: yes
own-use: yes
vulnerabilities: yes
patching: yes
supported-software: yes
pentest: yes
logging: yes
monitoring: yes
backups: yes
continuity: yes
change-sign-off: yes
change-testing: yes
change-rollback: yes
change-notice: yes
breach-notice: yes
incident-record: yes
incident-plan: yes
subprocessors: yes
subprocessor-terms: yes
transfer-tools: yes
subprocessor-notice: yes`

// startBuiltin creates an assessment of a built-in questionnaire on date
// and records the answers (the body of an answers file's "answers:").
func (s *cliSession) startBuiltin(questionnaire, subject, date, answers string) string {
	s.t.Helper()
	id := strings.TrimSpace(s.ok("new", "-q", questionnaire, "-s", subject, "--date", date))
	if answers != "" {
		var b strings.Builder
		b.WriteString("answers:\n")
		for _, line := range strings.Split(strings.TrimSpace(answers), "\n") {
			b.WriteString("  " + strings.TrimSpace(line) + "\n")
		}
		path := filepath.Join(s.t.TempDir(), "answers.yaml")
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			s.t.Fatal(err)
		}
		s.ok("answer", id, "-f", path)
	}
	return id
}

type csvPlan map[string]map[string]string // item key -> column -> cell

func readPlanCSV(t *testing.T, out string) csvPlan {
	t.Helper()
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Error("CSV does not start with a byte order mark")
	}
	if !strings.Contains(out, "\r\n") {
		t.Error("CSV lines do not end with CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, out)
	}
	plan := csvPlan{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		plan[m["Finding"]] = m
	}
	return plan
}

// Due dates from the default policy, worked by hand for an assessment on
// 2026-01-31 (2026 is not a leap year):
//
//	mfa, high, 30 days:     Jan 31 + 28 = Feb 28, + 2 = Mar 2
//	policy, medium, 90:     Feb 28 (28), Mar 31 (59), Apr 30 (89), May 1 (90)
//	access-review, low 180: ... May 31 (120), Jun 30 (150), Jul 31 (181): Jul 30
func TestPlanDefaultDeadlines(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	plan := readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", "2026-02-01"))
	want := map[string][2]string{"mfa": {"high", "2026-03-02"}, "policy": {"medium", "2026-05-01"}, "access-review": {"low", "2026-07-30"}}
	if len(plan) != len(want) {
		t.Fatalf("plan has %d items, want %d: %v", len(plan), len(want), plan)
	}
	for key, w := range want {
		if plan[key]["Severity"] != w[0] || plan[key]["Due"] != w[1] {
			t.Errorf("%s: %s due %s, want %s due %s", key, plan[key]["Severity"], plan[key]["Due"], w[0], w[1])
		}
	}
	if plan["mfa"]["ISO/IEC 27001:2022"] != "A.8.5; A.5.17" || plan["mfa"]["NIST CSF 2.0"] != "PR.AA-03" || plan["mfa"]["SOC 2"] != "CC6.1" {
		t.Errorf("mfa controls: %v", plan["mfa"])
	}
	// The listing is sorted by due date.
	list := s.ok("plan", id, "--as-of", "2026-02-01")
	if i, j, k := strings.Index(list, "mfa "), strings.Index(list, "policy "), strings.Index(list, "access-review "); !(i > 0 && i < j && j < k) {
		t.Errorf("listing not sorted by due date:\n%s", list)
	}
}

// The config file's deadlines, and its deadlines for one questionnaire,
// are pinned when the assessment starts:
//
//	mfa, high, config 20:              Jan 31 + 20 = Feb 20
//	policy, medium, vendor screen 60:  Feb 28 (28), Mar 31 (59), Apr 1 (60)
//	access-review, low, default 180:   Jul 30 (as above)
func TestPlanConfiguredDeadlines(t *testing.T) {
	s := newCLISession(t)
	cfg := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("deadlines:\n  high: 20\n  medium: 45\nquestionnaires:\n  vendor-security-screen:\n    deadlines: {medium: 60}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	plan := readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", "2026-02-01"))
	for key, due := range map[string]string{"mfa": "2026-02-20", "policy": "2026-04-01", "access-review": "2026-07-30"} {
		if plan[key]["Due"] != due {
			t.Errorf("%s due %s, want %s", key, plan[key]["Due"], due)
		}
	}
	// Changing the config later does not move an existing assessment's dates.
	if err := os.WriteFile(cfg, []byte("deadlines:\n  high: 5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if plan := readPlanCSV(t, s.ok("plan", id, "--csv")); plan["mfa"]["Due"] != "2026-02-20" {
		t.Errorf("mfa moved to %s when the config changed", plan["mfa"]["Due"])
	}
	// A bad config file is an error naming the file and the field.
	if err := os.WriteFile(cfg, []byte("deadlines:\n  urgent: 5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := s.run("", "new", "-q", "vendor-security-screen", "-s", "B")
	if code == 0 || !strings.Contains(errOut, "config.yaml") || !strings.Contains(errOut, "urgent") {
		t.Errorf("bad config: exit %d, %s", code, errOut)
	}
	if err := os.WriteFile(cfg, []byte("deadline:\n  high: 5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = s.run("", "new", "-q", "vendor-security-screen", "-s", "B")
	if code == 0 || !strings.Contains(errOut, "deadline") {
		t.Errorf("misspelt setting: exit %d, %s", code, errOut)
	}
}

func TestPlanEditsAndOverdue(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	other := s.startBuiltin("vendor-security-screen", "Globex", "2026-03-01", "mfa: no")

	// Moving a date needs a reason; nothing changes without one.
	code, _, errOut := s.run("", "plan", id, "--item", "mfa", "--due", "2026-04-15")
	if code == 0 || !strings.Contains(errOut, "needs a reason") {
		t.Fatalf("due without reason: exit %d %s", code, errOut)
	}
	// A day the calendar does not have is named as such, not as a date
	// in the wrong form.
	code, _, errOut = s.run("", "plan", id, "--item", "mfa", "--due", "2026-02-29", "--reason", "x")
	if code == 0 || !strings.Contains(errOut, `--due: "2026-02-29" is not a day of the calendar: February 2026 has 28 days`) {
		t.Errorf("an impossible day: exit %d %s", code, errOut)
	}
	// A milestone's date mistyped is refused, not taken into its title
	// with no date; a title may still start with a number or a dash.
	for _, bad := range []string{"2026-02-30 Admins on MFA", "2026-3-15 Admins on MFA"} {
		code, _, errOut = s.run("", "plan", id, "--item", "mfa", "--milestone", bad)
		if code == 0 || !strings.Contains(errOut, "--milestone \""+bad+"\": ") || !strings.Contains(errOut, "2026-") {
			t.Errorf("milestone %q: exit %d %s", bad, code, errOut)
		}
	}
	for _, title := range []string{"- Admins first", "2026 budget approved", "24-7 monitoring on", "2026-Q1 review"} {
		s.ok("plan", id, "--item", "access-review", "--milestone", title)
	}
	code, _, errOut = s.run("", "plan", id, "--item", "nope", "--owner", "x")
	if code == 0 || !strings.Contains(errOut, "no plan item") || !strings.Contains(errOut, "mfa") {
		t.Errorf("unknown item: exit %d %s", code, errOut)
	}
	s.ok("plan", id, "--item", "mfa", "--due", "2026-04-15", "--reason", "SSO rollout in April", "--owner", "Sam Ortiz",
		"--milestone", "2026-03-15 Admins on MFA", "--milestone", "All users")
	s.ok("plan", id, "--item", "mfa", "--milestone-done", "1", "--status", "in-progress")
	// Accepting needs all three fields.
	code, _, errOut = s.run("", "plan", id, "--item", "policy", "--accept-approver", "CISO", "--accept-reason", "New policy due")
	if code == 0 || !strings.Contains(errOut, "expiry date") {
		t.Fatalf("acceptance without expiry: exit %d %s", code, errOut)
	}
	restore := onDay(t, "2026-02-01") // the acceptance is given on 1 February
	s.ok("plan", id, "--item", "policy", "--accept-approver", "CISO", "--accept-reason", "New policy due", "--accept-expires", "2026-06-30", "--as-of", "2026-02-01")
	restore()

	plan := readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", "2026-02-01"))
	mfa := plan["mfa"]
	if mfa["Due"] != "2026-04-15" || mfa["Default due"] != "2026-03-02" || mfa["Due moved because"] != "SSO rollout in April" ||
		mfa["Owner"] != "Sam Ortiz" || mfa["Status"] != "in-progress" || mfa["Milestones"] != "Admins on MFA by 2026-03-15 (done); All users" {
		t.Errorf("mfa after edits: %v", mfa)
	}
	// The trail dates the acceptance by this machine's clock, not the
	// test's 1 February: judged as of 1 February, the CSV says it was
	// given after (accepted_after_as_of_test.go).
	if p := plan["policy"]; p["Status"] != "risk-accepted (accepted on "+p["Accepted on"]+", after 2026-02-01)" || p["Accepted by"] != "CISO" || p["Acceptance expires"] != "2026-06-30" {
		t.Errorf("policy after acceptance: %v", p)
	}

	// Overdue on 2026-05-02: mfa (due Apr 15, in progress) 17 days late;
	// policy (due May 1) is accepted until Jun 30, so not overdue;
	// Globex's mfa (Mar 1 + 30 = Mar 31) 32 days late. Sorted by due date.
	type row struct {
		Assessment  int64  `json:"assessment"`
		Item        string `json:"item"`
		Due         string `json:"due"`
		DaysOverdue int    `json:"days_overdue"`
		Status      string `json:"status"`
	}
	overdue := func(asOf string) []row {
		var out struct {
			Overdue []row `json:"overdue"`
		}
		if err := json.Unmarshal([]byte(s.ok("overdue", "--json", "--as-of", asOf)), &out); err != nil {
			t.Fatal(err)
		}
		return out.Overdue
	}
	got := overdue("2026-05-02")
	if len(got) != 2 || got[0].Item != "mfa" || got[0].Due != "2026-03-31" || got[0].DaysOverdue != 32 || id2(got[0].Assessment) != other ||
		got[1].Item != "mfa" || got[1].Due != "2026-04-15" || got[1].DaysOverdue != 17 || got[1].Status != "in-progress" {
		t.Errorf("overdue on 2026-05-02: %+v", got)
	}
	// On 2026-07-01 the acceptance (until Jun 30) has expired: policy is
	// open again and 61 days late (May 1 to Jul 1: 30 + 31).
	got = overdue("2026-07-01")
	found := false
	for _, r := range got {
		if r.Item == "policy" {
			found = true
			if r.DaysOverdue != 61 || r.Status != "open" {
				t.Errorf("policy after expiry: %+v", r)
			}
		}
	}
	if !found {
		t.Errorf("expired acceptance not listed as overdue: %+v", got)
	}
	// Done items are never overdue.
	s.ok("plan", other, "--item", "mfa", "--status", "done")
	for _, r := range overdue("2026-07-01") {
		if id2(r.Assessment) == other {
			t.Errorf("done item listed: %+v", r)
		}
	}
	if text := s.ok("overdue", "--as-of", "2026-05-02"); !strings.HasPrefix(text, "1 overdue item as of 2026-05-02\n") {
		t.Errorf("one overdue item: %s", text)
	}
	text := s.ok("overdue", "--as-of", "2026-02-01")
	if !strings.Contains(text, "No overdue items as of 2026-02-01") {
		t.Errorf("no overdue items: %s", text)
	}
}

func id2(n int64) string { return strconv.FormatInt(n, 10) }

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// The plan names the subject on every row, so that plans of several
// vendors pasted into one spreadsheet stay apart; a subject name that a
// spreadsheet would run, or that holds commas and quotes, stays one cell
// of text.
func TestPlanCSVNamesTheSubject(t *testing.T) {
	s := newCLISession(t)
	subject := `=HYPERLINK("http://evil","Acme, Inc.")`
	id := s.startBuiltin("vendor-security-screen", subject, "2026-01-31", vendorAnswers)
	for _, out := range []string{s.ok("plan", id, "--csv"), s.ok("report", id, "--format", "csv")} {
		plan := readPlanCSV(t, out)
		if len(plan) != 3 {
			t.Fatalf("plan has %d items, want 3", len(plan))
		}
		for key, row := range plan {
			if row["Subject"] != "'"+subject {
				t.Errorf("%s: Subject = %q, want %q", key, row["Subject"], "'"+subject)
			}
		}
		if header := strings.SplitN(strings.TrimPrefix(out, "\uFEFF"), "\r\n", 2)[0]; !strings.HasPrefix(header, "Item,Subject,Finding,") {
			t.Errorf("header %q", header)
		}
	}
}

// An approved assessment is locked, so its remediation goes on in its
// revision, which carries its plan: the portfolio's overdue items are the
// revision's, each listed once, and an item closed there is no longer
// overdue anywhere. They were listed twice, and the approved one's could
// never be closed.
func TestOverdueFollowsTheRevision(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes")
	s.ok("review", id, "--approve", "--comment", "Plan agreed", "--reviewer", "Rui Costa")
	rev := strings.TrimSpace(s.ok("revise", id))
	type row struct {
		Assessment int64  `json:"assessment"`
		Item       string `json:"item"`
	}
	overdue := func() []row {
		var out struct {
			Overdue []row `json:"overdue"`
		}
		if err := json.Unmarshal([]byte(s.ok("overdue", "--json", "--as-of", "2027-01-01")), &out); err != nil {
			t.Fatal(err)
		}
		return out.Overdue
	}
	// policy and mfa answered no, access-review partly: three items, the
	// revision's.
	var items []string
	for _, r := range overdue() {
		if id2(r.Assessment) != rev {
			t.Errorf("an item of assessment %d, which revision %s follows: %+v", r.Assessment, rev, r)
		}
		items = append(items, r.Item)
	}
	if slices.Sort(items); strings.Join(items, " ") != "access-review mfa policy" {
		t.Errorf("overdue items %v", items)
	}
	s.ok("plan", rev, "--item", "mfa", "--status", "done")
	for _, r := range overdue() {
		if r.Item == "mfa" {
			t.Errorf("mfa, done in the revision, is still overdue: %+v", r)
		}
	}
	if text := s.ok("overdue", "--as-of", "2027-01-01"); !strings.HasPrefix(text, "2 overdue items as of 2027-01-01\n") {
		t.Errorf("overdue after mfa is done:\n%s", text)
	}
}

// A day assay does not record (before 1970; 0001-01-01, the zero date,
// stands for none) is refused wherever a day is given, and changes nothing: assay new took it
// for no date and used today, a due date for "default", a milestone for
// undated, --as-of printed "as of ." and a signature said it needed a date.
func TestDaysOutOfRangeAreRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "mfa: no")
	for _, day := range []string{"0001-01-01", "1969-12-31"} {
		want := `"` + day + `" is outside the days assay records: use a day from 1970 to 9999`
		if day == "0001-01-01" {
			want = `"0001-01-01" stands for no date in assay: give the day meant`
		}
		for _, args := range [][]string{
			{"new", "-q", "vendor-security-screen", "-s", "Globex", "--date", day},
			{"plan", id, "--item", "mfa", "--due", day, "--reason", "x"},
			{"plan", id, "--item", "mfa", "--milestone", day + " Admins first"},
			{"plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "x", "--accept-expires", day},
			{"overdue", "--as-of", day},
			{"list", "--as-of", day},
			{"review", id, "--submit", "--date", day},
		} {
			s.fails(want, args...)
		}
	}
	// An answer may be any day but the zero date, which was taken for a
	// blank answer and dropped without a word.
	ds := strings.TrimSpace(s.ok("new", "-q", "anonymized-dataset", "-s", "Panel data"))
	s.fails(`"0001-01-01" stands for no date in assay`, "answer", ds, "-f", writeTemp(t, "a.yaml", "answers:\n  last-revalidation: 0001-01-01\n"))
	s.ok("answer", ds, "-f", writeTemp(t, "b.yaml", "answers:\n  last-revalidation: 1969-07-20\n"))
	if got := s.ok("list"); strings.Contains(got, "Globex") {
		t.Errorf("an assessment was started with a day out of range:\n%s", got)
	}
	if got := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]; got["Milestones"] != "" || got["Due"] != "2026-03-02" || got["Status"] != "open" {
		t.Errorf("mfa changed by a refused command: %v", got)
	}
}
