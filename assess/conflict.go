package assess

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Two people working on one assessment at the same time never lose each
// other's answers silently. A change to an answer is made over the answer
// its author saw; if someone else changed that answer in between, the
// store records nothing and says who changed it, when, and to what
// (ConflictError). The author then keeps theirs, or replaces it knowingly:
// a change made over the answer now seen.

// ConflictError is a change to answers refused because someone else
// changed them after the author saw them.
type ConflictError struct {
	Assessment int64
	// Theirs are the answers as they now are, each with who last saved
	// it (UpdatedBy) and when (UpdatedAt).
	Theirs []Answer
	// Fields are the plan item fields as they now are, each with who set
	// it and when (PlanConflicts).
	Fields []FieldConflict
}

func (e *ConflictError) Error() string { return e.SaidFor(nil) }

// SaidFor is the error with each answer said as it was chosen from the
// questionnaire q (Answer.DescribeAs); nil: by its stored values.
func (e *ConflictError) SaidFor(q *Questionnaire) string {
	parts := make([]string, len(e.Theirs), len(e.Theirs)+len(e.Fields))
	for i, a := range e.Theirs {
		var asked *Question
		if q != nil {
			asked, _ = q.Question(a.QuestionID)
		}
		parts[i] = fmt.Sprintf("question %s was changed by %s at %s: it is now %s",
			a.QuestionID, orSomeone(a.UpdatedBy), a.UpdatedAt.UTC().Format("2006-01-02 15:04:05 UTC"), a.DescribeAs(asked))
	}
	for _, f := range e.Fields {
		parts = append(parts, f.String())
	}
	return strings.Join(parts, "; ")
}

// Unwrap makes a conflict a domain error of code EConflict.
func (e *ConflictError) Unwrap() error { return &Error{Code: EConflict, Message: e.Error()} }

func orSomeone(name string) string {
	if strings.TrimSpace(name) == "" {
		return "someone"
	}
	return name
}

// Describe is an answer in a few words for messages: its value, and its
// note and evidence when it has them. Text from people is quoted.
func (a Answer) Describe() string {
	return a.describe(strings.Join(a.Value.Choices, ", "))
}

// describe is Describe with the options chosen said as choices.
func (a Answer) describe(choices string) string {
	v := a.Value
	var what string
	switch {
	case len(v.Choices) > 0:
		what = choices
	case v.Number != nil:
		what = v.Number.String()
	case v.Text != "":
		what = fmt.Sprintf("%q", v.Text)
	case !v.Date.IsZero():
		what = v.Date.String()
	case v.Risk.InitialRated():
		what = fmt.Sprintf("risk %d×%d", v.Risk.Likelihood, v.Risk.Impact)
		if v.Risk.AfterRated() {
			what += fmt.Sprintf(", %d×%d after measures", v.Risk.AfterLikelihood, v.Risk.AfterImpact)
		}
	default:
		what = "unanswered"
	}
	if a.Note != "" {
		what += fmt.Sprintf(" (note %q)", a.Note)
	}
	if len(a.Evidence) > 0 {
		what += fmt.Sprintf(" (evidence %q)", strings.Join(a.Evidence, "; "))
	}
	return what
}

// SameAnswer reports whether two answers say the same: value, note,
// evidence, who gave it (analyst or vendor) and whether it was reviewed,
// read as the store keeps them (no source is the analyst's; the
// analyst's answers are reviewed; no evidence and an empty list alike).
// Who saved it and when do not count: an answer changed and changed back
// loses nothing when it is replaced.
func SameAnswer(a, b Answer) bool {
	a, b = stored(a), stored(b)
	va, _ := json.Marshal(a.Value)
	vb, _ := json.Marshal(b.Value)
	return string(va) == string(vb) && a.Note == b.Note && slices.Equal(a.Evidence, b.Evidence) &&
		a.Source == b.Source && a.Reviewed == b.Reviewed
}

// stored is an answer as a save stores it.
func stored(a Answer) Answer {
	if c, err := CleanAnswer(a); err == nil {
		a = c
	}
	if a.Source == "" {
		a.Source = ByAnalyst
	}
	if a.Source == ByAnalyst {
		a.Reviewed = true
	}
	if len(a.Evidence) == 0 {
		a.Evidence = nil
	}
	return a
}

// Conflicts are the answers of as that would replace, without their
// authors having seen it, an answer someone else saved: the current
// answer (in now) differs from the one the author saw (in seen; none when
// absent) and from the new one. Each comes back as it now is.
func Conflicts(now, seen Answers, as []Answer) []Answer {
	var out []Answer
	for _, a := range as {
		cur := now[a.QuestionID]
		if SameAnswer(cur, seen[a.QuestionID]) || SameAnswer(cur, a) {
			continue
		}
		cur.QuestionID = a.QuestionID
		out = append(out, cur)
	}
	return out
}

// OthersAnswers are the answers of as that would replace an answer
// someone other than me saved last, each as it now is (in now): what a
// change made without seeing the answers first (the command line) must
// not replace unawares. Saying what the other person says is no conflict.
func OthersAnswers(now Answers, me string, as []Answer) []Answer {
	var out []Answer
	for _, a := range as {
		cur, ok := now[a.QuestionID]
		if !ok || cur.UpdatedBy == me || SameAnswer(cur, a) {
			continue
		}
		cur.QuestionID = a.QuestionID
		out = append(out, cur)
	}
	return out
}
