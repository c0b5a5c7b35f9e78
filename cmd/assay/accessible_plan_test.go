package main

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// In accessible mode the remediation plan is listed and changed as the
// workspace's forms and assay plan change it: an owner, a due date moved
// with its reason, a risk accepted with approver, reason and expiry, a
// milestone; each refusal is the domain's own, said, and nothing of it
// stored.
func TestAccessiblePlan(t *testing.T) {
	s := newAccessibleSession(t)
	out := s.drive(
		"1",              // assessment 1: every question answered, its choices follow
		"2",              // its remediation plan
		"2",              // item 2, mfa
		"1", "Sam Ortiz", // owner
		"3", "2026-02-01", // a due date before the assessment date: refused
		"3", "2026-06-30", "", // moved without a reason: refused
		"3", "2026-06-30", "Pen test booked for June",
		"1", "Eve\x1b[31m Red", // an owner with an escape sequence: refused, never echoed
		"5", "", "Contract renewal in Q3", "2020-01-01", // already expired: refused
		"5", "CISO", "Contract renewal in Q3", "2099-09-30",
		"5", "", "", "", // Enter alone keeps what is recorded
		"6", "Enforce MFA for admins", "2026-05-01",
		"7", "1", // that milestone done
		"b", // back to the plan
		"b", // back to the assessment's choices
		"q",
	)
	s.says(out,
		"Type 1 to answer its questions, 2 for its remediation plan, 3 to sign it off, 4 to write its report to a file, 5 to hear its audit trail, b to go back to the list, q to quit:",
		"Remediation plan of assessment 1, Acme Cloud Ltd: 32 items",
		"Item 2: mfa, severity high, due 2026-03-31, status open, overdue, no owner.",
		"Type an item's number to change it, l to hear the plan again, c to write it as CSV to a file, b to go back to assessment 1's choices, q to quit:",
		"Type 1 to change the owner, 2 the status, 3 the due date, 4 the action, 5 to accept the risk, 6 to add a milestone, 7 to mark a milestone done, 8 to clear its milestones, b to go back to the plan, q to quit:",
		"Not saved: item mfa: a due date cannot be before the assessment date 2026-03-01",
		"Not saved: item mfa: moving mfa's due date from 2026-03-31 to 2026-06-30 needs a reason",
		"Due date moved from 2026-03-31 to 2026-06-30: Pen test booked for June.",
		"Not saved: item mfa: the acceptance would have expired on 2020-01-01",
		"Risk accepted by CISO until 2099-09-30, in force: Contract renewal in Q3.",
		"Approver: type a name, or press Enter alone for CISO:",
		"Reason for accepting it: type it, or press Enter alone to keep Contract renewal in Q3:",
		"Expires: type a date as year-month-day, today or later, or press Enter alone to keep 2099-09-30:",
		"Nothing changed: item mfa already reads so.",
		"Milestone 1 of 1: Enforce MFA for admins, by 2026-05-01, done.",
	)
	e := s.assessment(1).PlanEdits["mfa"]
	if e.Owner != "Sam Ortiz" || e.Due.String() != "2026-06-30" || e.DueReason != "Pen test booked for June" {
		t.Errorf("owner and due date stored as %+v", e)
	}
	if e.Status != assess.ItemAccepted || e.Acceptance == nil || e.Acceptance.Approver != "CISO" || e.Acceptance.Expires.String() != "2099-09-30" {
		t.Errorf("the acceptance stored as %+v, %+v", e.Status, e.Acceptance)
	}
	if len(e.Milestones) != 1 || !e.Milestones[0].Done || e.Milestones[0].Title != "Enforce MFA for admins" {
		t.Errorf("milestones stored as %+v", e.Milestones)
	}
}

// Status, action and owner cleared; Enter alone keeps what is there; an
// item chosen by a number not listed is refused.
func TestAccessiblePlanStatusAndAction(t *testing.T) {
	s := newAccessibleSession(t)
	out := s.drive(
		"1", "2",
		"99", // no such item
		"2",
		"2", "9", // no such status
		"2", "2", // in progress
		"4", "Roll out hardware keys",
		"1", "", // Enter alone: owner kept (none)
		"b", "b", "q",
	)
	s.says(out,
		"There is no item 99 in the plan; type a number from 1 to 32.",
		"Type 1 for open, 2 for in progress, 3 for done, or press Enter alone to keep it.",
		"Not saved: there is no status 9; type a number from 1 to 3.",
		"Nothing changed.",
		", status in progress, ",
	)
	e := s.assessment(1).PlanEdits["mfa"]
	if e.Status != assess.ItemInProgress || e.Action != "Roll out hardware keys" || e.Owner != "" {
		t.Errorf("item stored as %+v", e)
	}
}
