package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Accessible mode asks about the vendor's answers still to confirm, as
// y does in the workspace: it says what the vendor answered, with their
// note, y confirms it (still the vendor's, now checked), a typed answer
// corrects it (the analyst's), and s leaves it to confirm later. Without
// this a screen-reader user could never confirm one: the interview asked
// only unanswered questions, and went straight past the vendor's.
func TestAccessibleConfirmsVendorAnswers(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.importVendorFile(a, `source: vendor
answers:
  attestation: yes
  mfa:
    answer: partial
    note: Admins only.
  logging: no
`)
	var skips []string
	for range 30 { // every question nobody answered
		skips = append(skips, "s")
	}
	in := strings.Join(append([]string{"1"}, append(skips,
		"y", // attestation: confirmed
		"3", // mfa: corrected to no
		"s", // logging: left to confirm
		"q")...), "\n") + "\n"
	text := e.accessible(in)
	for _, want := range []string{
		"3 vendor answers to confirm.",
		"The vendor answered: Yes, in place. Type y to confirm it, or your own answer.",
		"Note so far: Admins only.\n",
		"The vendor answered: For some people only (such as administrators); others reach our data with a password alone. Type y to confirm it, or your own answer.",
		"Confirmed.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	got := e.load(a.ID).Answers
	if ans := got["attestation"]; ans.Source != assess.ByVendor || !ans.Reviewed {
		t.Errorf("attestation stored as source %q, reviewed %v; want the vendor's, confirmed", ans.Source, ans.Reviewed)
	}
	if ans := got["mfa"]; ans.Source != assess.ByAnalyst || ans.Value.Choices[0] != "no" {
		t.Errorf("mfa stored as %+v; want the analyst's no", ans)
	}
	if ans := got["logging"]; ans.Reviewed {
		t.Errorf("logging, skipped, was confirmed")
	}
}

// The list of assessments names the subjects due or overdue for
// reassessment, as the workspace's home screen does.
func TestAccessibleNamesReassessmentsDue(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.due = func(context.Context, assess.Date) ([]assess.DueSubject, error) {
		return []assess.DueSubject{
			{Subject: &assess.Subject{Name: "Zenith Payroll"}, State: assess.DueOverdue, Due: assess.NewDate(2026, time.January, 10)},
			{Subject: &assess.Subject{Name: "Northwind"}, State: assess.DueSoon, DaysLeft: 20, Due: assess.NewDate(2026, time.April, 2)},
			{Subject: &assess.Subject{Name: "Never Seen"}, State: assess.DueNever},
		}, nil
	}
	text := e.accessible("q\n")
	if want := "Reassessment, 1 overdue, 1 due soon: Zenith Payroll was due 2026-01-10; Northwind due 2026-04-02."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Never Seen") {
		t.Errorf("a subject never assessed is named as due:\n%s", text)
	}
}

// A line longer than any answer may be (a paste gone wrong) is refused
// with a sentence, and the same prompt is asked again: it used to end the
// session without a word, as if the input had ended.
func TestAccessibleTooLongLineIsRefusedNotTheEnd(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	in := "1\n" + strings.Repeat("a", 2_000_000) + "\n1\nq\n"
	text := e.accessible(in)
	if want := "That line is longer than a line may be (80000 bytes): nothing of it was used."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text[max(len(text)-1500, 0):])
	}
	if got := e.load(1).Answers["data-sensitivity"]; len(got.Value.Choices) != 1 || got.Value.Choices[0] != "business-contacts" {
		t.Errorf("the answer typed after the long line was not saved: %+v", got)
	}
}

// An approved assessment is locked: accessible mode says so and shows its
// result, rather than asking to confirm vendor answers the reviewer
// accepted as given, which could not be saved and were asked again.
func TestAccessibleLockedAssessmentAsksNothing(t *testing.T) {
	e, a := payrollAnswered(t)
	ctx := assess.WithActor(context.Background(), "Dana Reyes")
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"yes"}}, Source: assess.ByVendor}}); err != nil {
		t.Fatal(err)
	}
	for _, act := range []assess.Action{assess.ActSubmit, assess.ActApprove} {
		if _, err := e.db.Review(ctx, a.ID, act, testToday, "ok", assess.AcceptUnconfirmed); err != nil {
			t.Fatal(err)
		}
	}
	text := e.accessible("1\ny\nq\n")
	if want := "Assessment 1 is approved and locked; start a revision to change it: in assessment 1's choices, choose 3 to sign it off, then Start a revision."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Type y to confirm it") || strings.Contains(text, "Not saved") {
		t.Errorf("a locked assessment's vendor answer was offered for confirming:\n%s", text)
	}
}
