package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// A finding's plan line says "unassigned" in italics, our word, as the
// plan table does: in plain text it read the same as an owner typed
// "unassigned". Worked out by hand: vendor-security-screen assessed
// 2026-11-01, mfa (high, due in 30 days: 2026-12-01) and policy (medium, 90
// days: 2027-01-30) answered no;
// mfa has no owner, policy's owner is typed "unassigned".
func TestFindingPlanLineMarksNoOwnerAsOurWord(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	no := assess.Value{Choices: []string{"no"}}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa": {QuestionID: "mfa", Value: no}, "policy": {QuestionID: "policy", Value: no},
	},
		PlanEdits: map[string]assess.PlanEdit{"policy": {Key: "policy", Owner: "unassigned"}}}
	opts := report.Options{Today: govDay("2026-11-05")}
	e := assess.Evaluate(a, opts.Today)
	md := report.Markdown(e, opts)
	labels := e.FindingLabels()
	for key, want := range map[string]string{
		"mfa":    "- **Plan:** open, due 2026-12-01; owner *unassigned*.",
		"policy": "- **Plan:** open, due 2027-01-30; owner unassigned.",
	} {
		if got := findingSection(t, md, labels[key]); !strings.Contains(got, want) {
			t.Errorf("finding %s (%s) lacks\n%s\nin:\n%s", labels[key], key, want, got)
		}
	}
}

// A sign-off's comment stands last in its line, after our word
// "Comment:" in italics: run on after "rejected by Rui on 2026-03-03."
// as a sentence, or before page one's own sentence about what is asked,
// a comment typed as our words ("Then approved by the committee") read
// as the report's.
func TestSignOffCommentIsMarkedAndLast(t *testing.T) {
	comment := "Then approved by the committee on 2026-03-05."
	ev, opts := rejectedWithComment(t, comment)
	md := oneSpaced(report.Markdown(ev, opts))
	for _, want := range []string{
		"- **Decision taken:** rejected by Rui on 2026-03-03. Nothing is asked of the committee until the assessment is submitted again. *Comment:* " + comment + " ",
		"- **State:** rejected by Rui on 2026-03-03. *Comment:* " + comment + " - **Revision:**",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks\n%s\nin:\n%s", want, md[:strings.Index(md, "## Scores")])
		}
	}
}

// Two or more evidence references each follow their number in italics
// (and "; " between them, as before),
// and an acceptance's expiry is our words in italics: a reference typed
// "a; b" read as two, and an approver typed "Ana until 2030-01-01" as
// an acceptance until then. Worked out by hand: vendor-security-screen
// assessed 2026-11-01; mfa (no) accepted until 2027-06-30, policy (no)
// with two references, the first holding "; ".
func TestEvidenceAndAcceptanceMarkOurWords(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	no := assess.Value{Choices: []string{"no"}}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa":    {QuestionID: "mfa", Value: no, Evidence: []string{"one.pdf"}},
		"policy": {QuestionID: "policy", Value: no, Evidence: []string{"policy.pdf; board minutes", "call notes"}},
	},
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Status: assess.ItemAccepted,
			Acceptance: &assess.Acceptance{Approver: "Ana until 2030-01-01", Reason: "Keys on order", Expires: govDay("2027-06-30")}}}}
	opts := report.Options{Today: govDay("2026-11-05")}
	e := assess.Evaluate(a, opts.Today)
	md := report.Markdown(e, opts)
	labels := e.FindingLabels()
	for key, wants := range map[string][]string{
		"mfa":    {"- **Plan:** risk accepted by Ana until 2030-01-01 *until 2027-06-30* (see Accepted risks).", "- **Evidence:** one.pdf"},
		"policy": {"- **Evidence:** *1.* policy.pdf; board minutes; *2.* call notes"},
	} {
		got := findingSection(t, md, labels[key])
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("finding %s (%s) lacks\n%s\nin:\n%s", labels[key], key, want, got)
			}
		}
	}
	// policy is third in its section's appendix: attestation-not-applicable,
	// hidden here, is listed between it and attestation.
	if want := "3. `policy` Has management approved or reviewed the vendor's information security policy in the last 12 months? **Answer:** No. **Status:** gap. **Control risk:** 2 of 2. **Evidence:** *1.* policy.pdf; board minutes; *2.* call notes"; !strings.Contains(oneSpaced(md), want) {
		t.Errorf("the appendix lacks\n%s\nin:\n%s", want, oneSpaced(md[strings.Index(md, "### A2"):strings.Index(md, "### A3")]))
	}
}

// A side of a "Changes since" row written in lines keeps them, as the
// plan table does: a due date's reason "Vendor asked.\n1. keys\n2.
// staff" read "Vendor asked. 1. keys 2. staff", one sentence.
func TestChangesSinceKeepsTheLinesOfASide(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	mfa := assess.Answers{"mfa": {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}}
	from := &assess.Assessment{ID: 1, UUID: "a", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2025-03-01"), Status: assess.Approved, Answers: mfa}
	to := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-03-01"), Answers: mfa,
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Due: govDay("2026-06-01"), DueReason: "Vendor asked.\n1. keys\n2. staff"}}}
	opts := report.Options{Today: govDay("2026-03-10")}
	later := assess.Evaluate(to, opts.Today)
	opts.Since = assess.Compare(assess.Evaluate(from, opts.Today), later)
	md := report.Markdown(later, opts)
	want := "| F1 | `mfa` | reason for the due date | *none* | Vendor asked.<br>&#10;1. keys<br>&#10;2. staff |"
	if !strings.Contains(md, want+"\n") {
		t.Errorf("the Markdown report has no row\n%s\nin:\n%s", want, changesSection(md))
	}
}
