package assess

import (
	"fmt"
	"strings"
	"unicode"
)

// A use the law forbids (a practice the EU AI Act prohibits, Article 5)
// is not a risk a committee weighs: no measure, acceptance of risk or
// approval allows it. A questionnaire says which answers describe one
// (a knock-out with forbids_use); while such an answer stands, the
// assessment is not approved. The committee's decision that the system
// must not be used is a rejection saying so, and every surface says it
// in the same words (ForbiddenUseWords).

// UseForbidden returns the knock-out, answered, that says the use the
// answers describe is forbidden, if one holds: the first, in the order of
// the levels and then of the questions. One counted from an unanswered
// question is a worst case, not an answer, and forbids nothing yet.
func UseForbidden(res *Result) (FloorResult, bool) {
	if res == nil {
		return FloorResult{}, false
	}
	for _, l := range res.Levels {
		for _, f := range l.Floors {
			if f.ForbidsUse && !f.Unanswered() {
				return f, true
			}
		}
	}
	return FloorResult{}, false
}

// MustNotBeUsed is what every list says beside the status of an
// assessment whose answers describe a use the law forbids, whatever the
// status: a rejection is the committee's decision that the system must
// not be used, and an approval an older assay recorded does not allow it.
const MustNotBeUsed = "must not be used"

// ForbiddenUseWords says, in a sentence without its full stop, why the
// use is forbidden: the answer and the knock-out's reason. The reason and
// the answer are the questionnaire's words, which the caller cleans for
// where it shows them.
func ForbiddenUseWords(f FloorResult) string {
	return fmt.Sprintf("the system must not be used (%s was %s): %s", f.Question, f.AnswerClause(), lowerFirst(strings.TrimSuffix(strings.TrimSpace(f.Reason), ".")))
}

// ApprovalForbidden refuses the approval of a, whose answers describe a
// use the law forbids, saying why and what the reviewer does instead:
// reject it, recording the committee's decision that the system must not
// be used, or, once the system no longer does it, correct the answer.
func ApprovalForbidden(a *Assessment) error { return approvalForbidden(a, nil) }

// approvalForbidden is ApprovalForbidden on res, a's answers as already
// scored, or, nil, scoring them.
func approvalForbidden(a *Assessment, res *Result) error {
	if a.Questionnaire == nil {
		return nil
	}
	f, ok := UseForbidden(scoredOf(a, res))
	if !ok {
		return nil
	}
	return Errorf(EConflict, "cannot approve assessment %d: %s; no approval can allow that use. "+
		"Record the committee's decision by rejecting it with the reason the system must not be used, "+
		"or, once the system no longer does this, correct the answer to %s and submit it again; nothing was recorded",
		a.ID, ForbiddenUseWords(f), f.Question).WithRemedy(RemedyReject, a.ID)
}

// scoredOf is res, a's answers as a caller already scored them (a
// workspace's session, at every frame), or, nil, a scored now.
func scoredOf(a *Assessment, res *Result) *Result {
	if res != nil {
		return res
	}
	return Score(a.Questionnaire, a.Answers, a.AssessedOn)
}

// lowerFirst lowers the first letter of a sentence set inside another,
// unless its second is upper case too (an acronym: "EU", "AI").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// StatusWords is e's status as a comparison names each side, "rejected,
// must not be used" when its answers describe a use the law forbids, as
// the lists say it (MustNotBeUsed).
func (e *Evaluation) StatusWords() string {
	if _, ok := UseForbidden(e.Result); ok {
		return e.Assessment.Status.Words() + ", " + MustNotBeUsed
	}
	return e.Assessment.Status.Words()
}
