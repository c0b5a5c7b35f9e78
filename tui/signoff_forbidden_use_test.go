package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// forbiddenWhy is what every surface says of the fairness review of a
// practice the EU AI Act prohibits (the verdict case's answers).
const forbiddenWhy = `the system must not be used (ai-act-class was answered "A prohibited practice (Article 5)"): ` +
	`a prohibited AI practice may not be placed on the market or used in the EU (AI Act Article 5)`

// prohibitedInReview is a fairness review of a prohibited practice,
// submitted by Ana Analyst: the reviewer (Dana Reyes) is asked to decide.
func prohibitedInReview(t *testing.T) (*env, *assess.Assessment) {
	t.Helper()
	e := newEnv(t)
	a := e.create("fairness-aia", "Emotion scores")
	e.answerFrom(a, "verdicts/fairness-call-centre-agent-emotion-recognition-prohibited.yaml")
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Ana Analyst"), a.ID, assess.ActSubmit, testToday, "For the committee"); err != nil {
		t.Fatal(err)
	}
	return e, a
}

// The sign-off of a prohibited practice offered Approve, which recorded
// "approved". It offers Reject (and Withdraw), says before anything is
// typed why Approve is not there, and the review's line says what S does.
func TestSignOffOfAProhibitedPracticeOffersNoApproval(t *testing.T) {
	e, a := prohibitedInReview(t)
	f := e.start()
	f.waitFor("Emotion scores")
	f.press("r")
	f.waitFor("State: in review, submitted by Ana Analyst")
	saysInTheWorkspace(t, f.screen(), "· S rejects: it must not be used")
	f.press("S")
	f.waitFor("Reject: record that the system must not be used")
	s := f.screen()
	if strings.Contains(s, "Approve: it is then locked") {
		t.Errorf("the sign-off of a prohibited practice offers Approve:\n%s", s)
	}
	saysInTheWorkspace(t, s, "Approve is not offered: "+forbiddenWhy+". Reject it, saying so.")
	f.press("esc")
	f.waitFor("State: in review")
	f.quit()
	if got := e.load(a.ID); got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("state %s, signatures %+v", got.Status, got.SignOffs)
	}
}

// Accessible mode offers the same decisions, says the same why, and the
// rejection it records is the committee's decision.
func TestAccessibleSignOffOfAProhibitedPractice(t *testing.T) {
	e, a := prohibitedInReview(t)
	text := e.accessible(strings.Join([]string{
		"1", "3", // the assessment (all answered: its choices), then sign off
		"1", "The system must not be used: emotion recognition at work",
		"q",
	}, "\n") + "\n")
	for _, want := range []string{
		"Approve is not offered: " + forbiddenWhy + ". Reject it, saying so.",
		"Decisions: 1 Reject: record that the system must not be used, saying why; 2 Withdraw to draft.",
		"Signed: rejected by Dana Reyes on 2026-03-31",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got := e.load(a.ID); got.Status != assess.Rejected {
		t.Errorf("state %s, signatures %+v", got.Status, got.SignOffs)
	}
}
