package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/internal/render"
	"github.com/assay-dev/assay/questionnaires"
)

// The "Changes since" tables give each changed field a row of its own,
// with what was and what is in cells of their own, so that a note, an
// owner, a reason or an evidence reference written with arrows, slashes
// and semicolons ("A → B / C") reads as typed and is never taken for the
// table's own marks. An empty side is our word "none" in italics, which
// no escaped text can be.
func TestChangesSinceKeepsEachSideInItsOwnCell(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	mfa := func(choice, note string, evidence ...string) assess.Answers {
		return assess.Answers{"mfa": {QuestionID: "mfa", Value: assess.Value{Choices: []string{choice}}, Note: note, Evidence: evidence}}
	}
	from := &assess.Assessment{ID: 1, UUID: "a", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2025-03-01"), Status: assess.Approved,
		Answers:   mfa("no", "A → B / C", "policy.pdf", "x; y"),
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Owner: "Sam → Kim / Lee", Due: govDay("2025-06-01"), DueReason: "r1"}}}
	to := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-03-01"),
		Answers: mfa("partial", "", "policy.pdf", "z → w"),
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Due: govDay("2026-06-01"), DueReason: "vendor / legal → review",
			Status: assess.ItemAccepted, Acceptance: &assess.Acceptance{Approver: "Ana until 2030-01-01", Reason: "cost", Expires: govDay("2026-09-30")},
			Milestones: []assess.Milestone{{Title: "x / y → z", Due: govDay("2026-05-01")}, {Title: "Phase 2 by 2026-06-01", Done: true}}}}}
	opts := report.Options{Today: govDay("2026-03-10")}
	later := assess.Evaluate(to, opts.Today)
	opts.Since = assess.Compare(assess.Evaluate(from, opts.Today), later)

	md := report.Markdown(later, opts)
	question := "Is multi-factor authentication enforced for access to our data?"
	for _, row := range []string{
		"| Changed | Before | After |",
		"| Review | approved | draft |",
		"| Question | Text | Changed | Before | After |",
		"| `mfa` | " + question + " | answer | No | Partly |",
		"| `mfa` | " + question + " | note | A → B / C | *none* |",
		"| `mfa` | " + question + " | evidence | x; y | *none* |",
		"| `mfa` | " + question + " | evidence | *none* | z → w |",
		"| Finding | Item | Changed | Before | After |",
		"| F1 | `mfa` | owner | Sam → Kim / Lee | *unassigned* |",
		"| F1 | `mfa` | due | 2025-06-01 | 2026-06-01 |",
		"| F1 | `mfa` | reason for the due date | r1 | vendor / legal → review |",
		"| F1 | `mfa` | status | open | risk accepted |",
		"| F1 | `mfa` | accepted by | *none* | Ana until 2030-01-01 |",
		"| F1 | `mfa` | acceptance expires | *none* | 2026-09-30 |",
		"| F1 | `mfa` | milestone 1 | *none* | x / y → z *by 2026-05-01* |",
		"| F1 | `mfa` | milestone 2 | *none* | Phase 2 by 2026-06-01, *done* |",
	} {
		if !strings.Contains(md, row+"\n") {
			t.Errorf("the Markdown report has no row\n%s\nin:\n%s", row, changesSection(md))
		}
	}
	if strings.Contains(changesSection(md), "policy.pdf") {
		t.Errorf("evidence both assessments give is told as a change:\n%s", changesSection(md))
	}

	html, err := render.Render(render.HTML, report.Build(later, opts))
	if err != nil {
		t.Fatal(err)
	}
	for _, cells := range []string{
		"<td>note</td><td>A → B / C</td><td><em>none</em></td>",
		"<td>owner</td><td>Sam → Kim / Lee</td><td><em>unassigned</em></td>",
		"<td>accepted by</td><td><em>none</em></td><td>Ana until 2030-01-01</td>",
	} {
		if !strings.Contains(strings.ReplaceAll(string(html), "\n", ""), cells) {
			t.Errorf("the HTML report has no cells %s", cells)
		}
	}
}

// changesSection is the report's "Changes since" section.
func changesSection(md string) string {
	_, s, _ := strings.Cut(md, "## Changes since")
	if end := strings.Index(s, "\n## "); end >= 0 {
		s = s[:end]
	}
	return s
}

// The remediation plan marks its own words as the changes tables do: an
// item with no owner is "unassigned" in italics (a person may be called
// that), and each milestone starts with its number and ends with its
// date in italics, so that a title holding "; " or "by 2026-06-01
// (done)" reads as one title, typed so.
func TestPlanTableMarksItsOwnWords(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-03-01"),
		Answers: assess.Answers{"mfa": {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}},
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Milestones: []assess.Milestone{
			{Title: "Admins; then staff", Due: govDay("2026-05-01")}, {Title: "Phase 2 by 2026-06-01 (done)"}, {Title: "Audit", Done: true}}}}}
	opts := report.Options{Today: govDay("2026-03-10")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	want := "| F1 | high | Enforce multi-factor authentication. | *unassigned* | 2026-03-31 | open | *1.* Admins; then staff *by 2026-05-01*<br>&#10;*2.* Phase 2 by 2026-06-01 (done)<br>&#10;*3.* Audit, *done* |"
	if !strings.Contains(md, want+"\n") {
		_, plan, _ := strings.Cut(md, "## Remediation plan")
		t.Errorf("the plan has no row\n%s\nin:\n%s", want, plan)
	}
}
