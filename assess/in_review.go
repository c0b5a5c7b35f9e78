package assess

import (
	"slices"
	"strings"
)

// AsSubmitted is what the answers and plan items changed since an
// assessment was last submitted for review were as submitted. The store
// reads it from the audit trail (the first record of each after the
// submission keeps what it replaced), so the trail's order says what came
// after the submission, not the clocks of the machines that made the
// changes, nor times stored outside the trail. Only what was touched
// since is here; anything else is as submitted.
type AsSubmitted struct {
	Answers map[string]Answer   // by question ID; the zero Answer for one unanswered then
	Plan    map[string]PlanEdit // by item key; the zero PlanEdit for an item not edited then
}

// Submission is the sign-off that last submitted an assessment in review,
// or approved, for review; false for a draft or a rejected one. Its Seq is
// the last audit record of what was submitted.
func (a *Assessment) Submission() (SignOff, bool) {
	if a.Status != InReview && a.Status != Approved {
		return SignOff{}, false
	}
	for i := len(a.SignOffs) - 1; i >= 0; i-- {
		if s := a.SignOffs[i]; s.Role == RoleAuthor && s.Decision == "submitted" {
			return s, true
		}
	}
	return SignOff{}, false
}

// QuestionsChangedInReview names, in the questionnaire's order, the
// answers that differ from what was submitted, while the assessment is in
// review or once approved (which locks it): what an approver signs beyond
// what was submitted, since review does not stop the analysts. An answer
// changed and changed back is what was submitted. None for a draft or a
// rejected assessment.
func (a *Assessment) QuestionsChangedInReview() []string {
	if _, ok := a.Submission(); !ok || a.AsSubmitted == nil || a.Questionnaire == nil {
		return nil
	}
	var ids []string
	for _, q := range a.Questionnaire.Questions {
		if was, ok := a.AsSubmitted.Answers[q.ID]; ok && !SameAnswer(was, a.Answers[q.ID]) {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// PlanEditedInReview names, in key order, the plan items whose edits
// differ from what was submitted, as QuestionsChangedInReview names
// answers: an approval covers the plan as well as the answers.
func (a *Assessment) PlanEditedInReview() []string {
	if _, ok := a.Submission(); !ok || a.AsSubmitted == nil {
		return nil
	}
	var keys []string
	for key, was := range a.AsSubmitted.Plan {
		if !was.SameAs(a.PlanEdits[key]) {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return keys
}

// ChangedInReviewWords counts, and with ids names, the answers and plan
// items that differ from what was submitted: "2 answers and 1 plan item",
// "2 answers (mfa, backups) and 1 plan item (mfa)", or "" when none do.
func (a *Assessment) ChangedInReviewWords(ids bool) string {
	var moved []string
	for _, m := range []struct {
		keys      []string
		one, many string
	}{{a.QuestionsChangedInReview(), "answer", "answers"}, {a.PlanEditedInReview(), "plan item", "plan items"}} {
		if len(m.keys) == 0 {
			continue
		}
		words := Count(len(m.keys), m.one, m.many)
		if ids {
			words += " (" + strings.Join(m.keys, ", ") + ")"
		}
		moved = append(moved, words)
	}
	return strings.Join(moved, " and ")
}

// ChangingAnswer keeps what an answer was as submitted before it is
// changed in memory, so that the change is counted before the assessment
// is read from the store again, as the store would count it. It does
// nothing to an assessment that is not in review.
func (a *Assessment) ChangingAnswer(questionID string) {
	if a.AsSubmitted != nil && a.Status == InReview {
		keepFirst(&a.AsSubmitted.Answers, questionID, a.Answers[questionID])
	}
}

// ChangingPlanItem is ChangingAnswer for a plan item's edit.
func (a *Assessment) ChangingPlanItem(key string) {
	if a.AsSubmitted != nil && a.Status == InReview {
		keepFirst(&a.AsSubmitted.Plan, key, a.PlanEdits[key])
	}
}

// keepFirst sets m[key] to v unless m has key already: the first change
// after the submission replaced what was submitted; later ones did not.
func keepFirst[V any](m *map[string]V, key string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	if _, kept := (*m)[key]; !kept {
		(*m)[key] = v
	}
}
