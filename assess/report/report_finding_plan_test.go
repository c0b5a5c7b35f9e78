package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// findingSection is the finding headed "### label. ..." of a report, to
// the next heading, words one space apart.
func findingSection(t *testing.T, md, label string) string {
	t.Helper()
	start := strings.Index(md, "### "+label+". ")
	if start < 0 {
		t.Fatalf("no finding %s:\n%s", label, md)
	}
	end := strings.Index(md[start+1:], "\n#")
	if end < 0 {
		t.Fatalf("finding %s runs to the end:\n%s", label, md)
	}
	return oneSpaced(md[start : start+1+end])
}

// A committee member read "F1. Critical" among the top findings and in
// its section, with its action "... or ask the committee to accept it",
// when the risk had been accepted (and another item was done): only the
// plan, pages on, said so. Each finding now says where its item of the
// plan stands, and a top finding that needs no more work says why.
// Worked out by hand: vendor-security-screen assessed 2026-11-01; mfa
// (high, due 2026-12-01) accepted by "CISO | <b>x</b>" until 2027-06-30;
// policy (due 2026-12-01) done by Sam; encryption-rest open, unassigned;
// on 2026-12-05 the open item is 4 days overdue.
func TestFindingSaysWhereItsPlanItemStands(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	no := assess.Value{Choices: []string{"no"}}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa": {QuestionID: "mfa", Value: no}, "policy": {QuestionID: "policy", Value: no}, "encryption-rest": {QuestionID: "encryption-rest", Value: no},
	},
		PlanEdits: map[string]assess.PlanEdit{
			"policy": {Key: "policy", Status: assess.ItemDone, Owner: "Sam"},
			"mfa": {Key: "mfa", Status: assess.ItemAccepted,
				Acceptance: &assess.Acceptance{Approver: "CISO | <b>x</b>", Reason: "Keys on order", Expires: govDay("2027-06-30")}},
		}}
	opts := report.Options{Today: govDay("2026-12-05")}
	e := assess.Evaluate(a, opts.Today)
	md := report.Markdown(e, opts)
	labels := e.FindingLabels()
	for key, want := range map[string]string{
		"mfa":             "- **Plan:** risk accepted by CISO \\| &lt;b&gt;x&lt;/b&gt; *until 2027-06-30* (see Accepted risks).",
		"policy":          "- **Plan:** done; owner Sam.",
		"encryption-rest": "- **Plan:** open, due 2026-12-01, **overdue**; owner *unassigned*.",
	} {
		if got := findingSection(t, md, labels[key]); !strings.Contains(got, want) {
			t.Errorf("finding %s (%s) lacks\n%s\nin:\n%s", labels[key], key, want, got)
		}
	}
	summary := oneSpaced(md[strings.Index(md, "## Executive summary"):strings.Index(md, "## Scores")])
	for key, want := range map[string]string{
		"mfa":    "(" + labels["mfa"] + "): ",
		"policy": "(" + labels["policy"] + "): ",
	} {
		at := strings.Index(summary, want)
		if at < 0 {
			t.Fatalf("no top finding %s in:\n%s", key, summary)
		}
		line := summary[at:]
		if end := strings.Index(line, "**"); end >= 0 {
			line = line[:end] // to the next top finding's severity, or the decision
		}
		if key == "mfa" && !strings.Contains(line, "risk accepted until 2027-06-30") || key == "policy" && !strings.Contains(line, "done") {
			t.Errorf("top finding %s does not say its item is closed: %s", key, line)
		}
	}
}
