package main

import (
	"strings"
	"testing"
)

// A vendor's file answers all 33 questions; the analyst confirms 5 of
// them. Submit and approve are refused, saying how many answers nobody
// confirmed, until the reviewer accepts them with --accept-unconfirmed;
// each acceptance is in the audit trail with its count, and the committee
// report says how many answers are the vendor's, unconfirmed, before it
// calls the assessment complete or asks for approval.
func TestVendorAnswersNobodyConfirmed(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-01-31"))
	sent := s.ok("send", id)
	sent = fill(t, sent, "data-sensitivity", "personal")
	for _, q := range vendorScreenQuestions {
		sent = fill(t, sent, q, "yes")
	}
	s.ok("answer", id, "-f", writeTemp(t, "vendor.yaml", sent))
	confirm := "answers:\n"
	for _, q := range vendorScreenQuestions[:5] {
		confirm += "  " + q + ": yes\n"
	}
	s.ok("answer", id, "--own", "-f", writeTemp(t, "confirm.yaml", confirm))

	words := func(md string) string { return strings.Join(strings.Fields(md), " ") }
	md := words(s.ok("report", id, "--as-of", "2026-02-01"))
	for _, want := range []string{
		"**Status:** draft; complete; 28 answers are the vendor's, unconfirmed",
		"Answers that are the vendor's and that no analyst has confirmed: 28 of 33.",
		"**Decision requested:** 28 answers are the vendor's and no analyst has confirmed them: confirm them before deciding, " +
			"or accept them as the vendor gave them and approve the assessment",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report does not say %q", want)
		}
	}

	for _, args := range [][]string{{"review", id, "--submit"}, {"review", id, "--approve"}} {
		code, _, errOut := s.run("", args...)
		if args[2] == "--approve" {
			if code == 0 {
				t.Errorf("a draft was approved")
			}
			continue
		}
		if code != 1 || !strings.Contains(errOut, "cannot submit assessment 1: 28 of its answers are the vendor's and nobody has confirmed them") ||
			!strings.Contains(errOut, "--accept-unconfirmed") {
			t.Errorf("assay review --submit: exit %d, %s", code, errOut)
		}
	}
	if out := s.ok("list"); !strings.Contains(out, "draft") {
		t.Errorf("a refused submit changed the state:\n%s", out)
	}
	// Signed on the day the report is judged on: a report is never dated
	// before a sign-off it shows.
	if out := s.ok("review", id, "--submit", "--accept-unconfirmed", "--date", "2026-02-01"); !strings.Contains(out, "Accepted 28 vendor answers nobody has confirmed") {
		t.Errorf("submit accepting them: %s", out)
	}
	code, _, errOut := s.run("", "--reviewer", "Rui Costa", "review", id, "--approve")
	if code != 1 || !strings.Contains(errOut, "cannot approve assessment 1: 28 of its answers are the vendor's") {
		t.Errorf("approve without accepting: exit %d, %s", code, errOut)
	}
	s.ok("--reviewer", "Rui Costa", "review", id, "--approve", "--accept-unconfirmed", "--date", "2026-02-01")
	md = words(s.ok("report", id, "--as-of", "2026-02-01"))
	if !strings.Contains(md, "**Status:** approved; complete; 28 answers are the vendor's, unconfirmed") {
		t.Errorf("the approved report does not say whose word 28 answers are")
	}
	exported := s.ok("export", id)
	if n := strings.Count(exported, `"kind": "accept"`); n != 2 || !strings.Contains(exported, `\"count\":28`) {
		t.Errorf("the trail holds %d acceptances; want one for the submit and one for the approval, each with the count 28", n)
	}
	s.ok("verify", id)
}

// One vendor answer accepted is "1 vendor answer", not "1 vendor answers".
func TestAcceptingOneVendorAnswerSaysOneAnswer(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-01-31"))
	sent := fill(t, s.ok("send", id), vendorScreenQuestions[0], "yes")
	s.ok("answer", id, "-f", writeTemp(t, "vendor.yaml", sent))
	out := s.ok("review", id, "--submit", "--accept-unconfirmed")
	if !strings.Contains(out, "Accepted 1 vendor answer nobody has confirmed,") {
		t.Errorf("submit accepting one vendor answer: %s", out)
	}
}
