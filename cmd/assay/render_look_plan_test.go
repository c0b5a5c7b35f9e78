package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// planSubject is long enough that the questionnaire's title and it make
// more than the 70 characters the report's title was once cut to.
const planSubject = "Northwind Health Analytics Ltd — hosting of the patient portal"

// planReport is a vendor screen of planSubject assessed on 2026-01-15
// with four findings: attestation (high, open), patching (high, its risk
// accepted), logging (medium, done) and backups (medium, open). Reported
// as of 2026-06-01, the two open ones are overdue and the other two are
// not. It returns the session, the assessment's ID and each finding's
// label in the report (F1, F2, …) by question ID, read from the CSV.
func planReport(t *testing.T) (*cliSession, string, map[string]string) {
	t.Helper()
	worst, err := os.ReadFile(filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	gaps := map[string]bool{"attestation": true, "patching": true, "logging": true, "backups": true}
	var answers []string
	question := ""
	for _, line := range strings.Split(string(worst), "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") {
			question = strings.TrimSuffix(strings.TrimSpace(line), ":")
		}
		if strings.TrimSpace(line) == `answer: "no"` && !gaps[question] {
			line = `    answer: "yes"`
		}
		answers = append(answers, line)
	}
	file := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(file, []byte(strings.Join(answers, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", planSubject, "--date", "2026-01-15"))
	s.ok("answer", id, "-f", file)
	s.ok("plan", id, "--item", "logging", "--status", "done")
	s.ok("plan", id, "--item", "patching", "--accept-approver", "Rui Costa", "--accept-reason", "A WAF stands in front", "--accept-expires", "2030-12-31")
	rows, err := csv.NewReader(strings.NewReader(s.ok("report", id, "--as-of", "2026-06-01", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{}
	for _, row := range rows[1:] {
		labels[row[2]] = row[0]
	}
	if len(labels) != 4 {
		t.Fatalf("findings %v, want attestation, patching, logging and backups", labels)
	}
	return s, id, labels
}

// The plan's timeline, as a reader of the PDF and the printed HTML sees
// it, says "overdue" of the open items past their date and of no other:
// it said "F1, F2 (overdue)" of a date whose second item was a risk the
// committee had accepted, and "F3, F4 (overdue)" beside an item done.
func TestTheTimelineCallsOnlyLateOpenItemsOverdue(t *testing.T) {
	if testing.Short() {
		t.Skip("renders documents in outside programs; skipped with -short")
	}
	s, id, label := planReport(t)
	for _, format := range []string{"pdf", "html"} {
		t.Run(format, func(t *testing.T) {
			out := []byte(s.ok("report", id, "--as-of", "2026-06-01", "--format", format))
			if format == "html" {
				out = htmlToPDF(t, out)
			}
			text := strings.Join(rendertest.PDFPages(t, out), "\n")
			overdue := map[string]bool{}
			for _, m := range regexp.MustCompile(`((?:F\d+, )*F\d+) \(overdue\)`).FindAllStringSubmatch(text, -1) {
				for _, l := range strings.Split(m[1], ", ") {
					overdue[l] = true
				}
			}
			want := map[string]bool{label["attestation"]: true, label["backups"]: true}
			if len(overdue) != len(want) || !overdue[label["attestation"]] || !overdue[label["backups"]] {
				t.Errorf("the timeline calls %v overdue, want %v (patching is %s, accepted; logging is %s, done)",
					overdue, want, label["patching"], label["logging"])
			}
			for _, w := range []string{label["patching"] + " risk accepted", label["logging"] + " done"} {
				if !strings.Contains(text, w) {
					t.Errorf("the timeline does not say %q", w)
				}
			}
		})
	}
}

// The report's title names the subject whole: "Questionnaire: subject"
// was cut at 70 characters, so a vendor screen's title lost the end of a
// 62-character subject ("… hosting of the pat…") and a FRIA's kept about
// twenty characters of it, on the title page and the HTML's and DOCX's
// first heading alike.
func TestTheTitleNamesTheWholeSubject(t *testing.T) {
	s, id, _ := planReport(t)
	md := s.ok("report", id, "--as-of", "2026-06-01")
	title := markdownTitle(md)
	if want := "# Vendor security screen: " + planSubject; title != want {
		t.Errorf("title %q, want %q", title, want)
	}
}

// The decision the committee is asked for says how many open items are
// overdue on the report date: "2 open items, the first due on
// 2026-02-14" read, in June, as a deadline still to come.
func TestTheDecisionSaysHowManyItemsAreOverdue(t *testing.T) {
	s, id, _ := planReport(t)
	md := rendertest.Squeeze(s.ok("report", id, "--as-of", "2026-06-01"))
	want := rendertest.Squeeze("2 open items, both overdue, the first due on 2026-02-14")
	if n := strings.Count(md, want); n < 2 {
		t.Errorf("%q is said %d times, want in the title block and the executive summary", want, n)
	}
	early := rendertest.Squeeze(s.ok("report", id, "--as-of", "2026-02-01"))
	if !strings.Contains(early, rendertest.Squeeze("2 open items, the first due on 2026-02-14")) || strings.Contains(early, "overdue,the") {
		t.Error("before the first due date the decision does not say the plan's open items as it did")
	}
}

// The plan printed from the HTML keeps each due date, status and owner
// word whole, as the PDF and the DOCX do: the browser's own table layout
// gave the long Action and Milestones columns the room and broke
// "2026-|02-14", "overdu|e" and "unassig|ned" across lines, the date a
// committee reads as the deadline among them.
func TestThePrintedHTMLPlanKeepsDatesAndStatesWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("renders documents in outside programs; skipped with -short")
	}
	s, id, _ := planReport(t)
	s.ok("plan", id, "--item", "backups", "--milestone", "2026-02-01 Ask for the restore test report of the last twelve months, signed by the vendor's head of operations")
	pages := rendertest.PDFPages(t, htmlToPDF(t, []byte(s.ok("report", id, "--as-of", "2026-06-01", "--format", "html"))))
	plan := ""
	for _, p := range pages {
		if strings.Contains(p, "Milestones") {
			plan += p
		}
	}
	if plan == "" {
		t.Fatal("no page shows the plan's table")
	}
	for _, w := range []string{"2026-02-14", "2026-04-15", "overdue", "accepted", "unassigned"} {
		if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(w) + `(\s|,|$)`).MatchString(plan) {
			t.Errorf("the printed plan breaks %q across lines:\n%s", w, plan)
		}
	}
}

// markdownTitle is the Markdown report's title line, its first heading
// (after the line that says what the document is).
func markdownTitle(md string) string {
	for line := range strings.Lines(md) {
		if strings.HasPrefix(line, "# ") {
			return strings.TrimSuffix(line, "\n")
		}
	}
	return ""
}
