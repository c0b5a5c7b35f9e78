package tui

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// A change not saved is listed on quitting with what it gave, not only
// what it was to: "the answer to attestation" left the analyst to
// remember what they had said on the call. The value is cleaned of
// escape sequences (it may be a vendor's pasted text) and cut, so that
// each line of the list stays a line or two.

// givenWidth is the most of a value a line of the list shows.
const givenWidth = 72

// givenAnswer is an answer not saved to a question of q, in a few words,
// its options as the person chose them (by their labels).
func givenAnswer(q *assess.Questionnaire, ans assess.Answer) string {
	return "given as " + fit(clean(ans.DescribeAs(asked(q, ans.QuestionID))), givenWidth)
}

// asked is q's question qid; nil when q is nil or does not ask it, and
// an answer is then said by its stored values.
func asked(q *assess.Questionnaire, qid string) *assess.Question {
	if q == nil {
		return nil
	}
	question, _ := q.Question(qid)
	return question
}

// givenPlanChange is a change to a plan item not saved, in a few words:
// what it sets.
func givenPlanChange(ch assess.PlanChange) string {
	var parts []string
	switch {
	case ch.Owner != nil && *ch.Owner == "":
		parts = append(parts, "no owner")
	case ch.Owner != nil:
		parts = append(parts, fmt.Sprintf("its owner to %q", *ch.Owner))
	}
	switch {
	case ch.Action != nil && *ch.Action == "":
		parts = append(parts, "its action back to the recommended one")
	case ch.Action != nil:
		parts = append(parts, fmt.Sprintf("its action to %q", *ch.Action))
	}
	switch {
	case ch.ResetDue:
		parts = append(parts, "its due date back to the policy's")
	case !ch.Due.IsZero() && ch.DueReason != "":
		parts = append(parts, fmt.Sprintf("its due date to %s (reason %q)", ch.Due, ch.DueReason))
	case !ch.Due.IsZero():
		parts = append(parts, "its due date to "+ch.Due.String())
	}
	if ch.Status != "" {
		parts = append(parts, "its status to "+ch.Status.Words())
	}
	if a := ch.Accept; a != (assess.Acceptance{}) {
		parts = append(parts, fmt.Sprintf("its risk accepted (approved by %q until %s: %q)", a.Approver, a.Expires, a.Reason))
	}
	for _, m := range ch.AddMilestones {
		step := fmt.Sprintf("a milestone %q", m.Title)
		if !m.Due.IsZero() {
			step += " by " + m.Due.String()
		}
		parts = append(parts, step)
	}
	for _, n := range ch.DoneMilestones {
		parts = append(parts, fmt.Sprintf("milestone %d done", n))
	}
	if ch.ClearMilestones {
		parts = append(parts, "its milestones cleared")
	}
	if len(parts) == 0 {
		return ""
	}
	return "setting " + fit(clean(strings.Join(parts, ", ")), givenWidth)
}

// named is a write's what with the value it gives, for the list said on
// quitting: "the answer to attestation, given as no".
func named(what, given string) string {
	if given == "" {
		return what
	}
	return what + ", " + given
}
