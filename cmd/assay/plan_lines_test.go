package main

import (
	"strings"
	"testing"
)

// An action, a moved due date's reason and an acceptance's reason written
// in several lines or paragraphs keep their lines in assay plan's listing,
// as every report keeps them: each line under its item, further in, a
// blank line between paragraphs, and each line cleaned of escape
// sequences. assay plan ran them into one line ("Keys on order. Delivery
// in May."), and a numbered list in a reason read as one sentence. The
// table's cell stays one line: the action's first, marked as going on.
func TestPlanListingKeepsTheLinesOfNotes(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	action := "Enforce MFA for admins.\nThen for every member of staff.\n\n\nReport to the board in June.\n"
	changed := s.ok("plan", id, "--item", "mfa", "--action", action, "--due", "2026-06-30", "--reason", "Keys on order.\nDelivery in May.")
	wantDetail := "  action:\n" +
		"    Enforce MFA for admins.\n" +
		"    Then for every member of staff.\n" +
		"\n" +
		"    Report to the board in June.\n" +
		"  due moved from 2026-03-02 to 2026-06-30:\n" +
		"    Keys on order.\n" +
		"    Delivery in May.\n"
	if !strings.Contains(changed, wantDetail) {
		t.Errorf("the item shown after the change runs its lines together; want\n%s\ngot\n%s", wantDetail, changed)
	}
	s.ok("plan", id, "--item", "policy", "--accept-approver", "CISO", "--accept-reason", "Renewal in Q3.\n1. SSO promised\n2. Audit booked",
		"--accept-expires", "2099-12-31")
	// An older assay stored text with its escape sequences: each line is
	// still shown without them.
	s.plant(`UPDATE plan_edits SET edit = json_set(edit, '$.due_reason', ?1) WHERE finding_key = 'mfa'`,
		"Keys on order.\n\x1b[31mDelivery\x1b[0m in May.\x1b]52;c;eA==\x07")

	// The acceptance is recorded on the day the test runs, after the day
	// listed, which the listing says (TestPlanAsOfTextMarksAnAcceptanceGivenAfterIt).
	acceptedOn := readPlanCSV(t, s.ok("plan", id, "--csv"))["policy"]["Accepted on"]
	out := s.ok("plan", id, "--as-of", "2026-02-01")
	// policy's built-in action is longer than its cell: its notes show
	// it whole first (plan_long_action_test.go).
	want := "policy:\n" +
		"  action: " + strings.TrimSpace(between(out, "\npolicy:\n  action: ", "\n")) + "\n" +
		"  risk accepted by CISO until 2099-12-31 (in force; accepted on " + acceptedOn + ", after 2026-02-01):\n" +
		"    Renewal in Q3.\n" +
		"    1. SSO promised\n" +
		"    2. Audit booked\n" +
		"mfa:\n" + wantDetail
	if !strings.Contains(out, want) {
		t.Errorf("the plan's notes run their lines together; want\n%s\ngot\n%s", want, out)
	}
	if h := terminalHazard(out); h != "" {
		t.Errorf("the listing has %s:\n%q", h, out)
	}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "mfa ") {
			continue
		}
		if !strings.HasSuffix(line, "Enforce MFA for admins. …") {
			t.Errorf("the table's action cell is not the action's first line, marked as going on: %q", line)
		}
	}

	// The CSV keeps the lines inside the quoted cell, as it did.
	plan := readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", "2026-02-01"))
	if got, want := plan["mfa"]["Action"], strings.TrimSpace(action); got != want {
		t.Errorf("the CSV's action is %q, want %q", got, want)
	}
	if got, want := plan["policy"]["Acceptance reason"], "Renewal in Q3.\n1. SSO promised\n2. Audit booked"; got != want {
		t.Errorf("the CSV's acceptance reason is %q, want %q", got, want)
	}
}

// between is the text of s after the first from, up to the next to.
func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	got, _, _ := strings.Cut(rest, to)
	return got
}
