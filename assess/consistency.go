package assess

import "github.com/assay-dev/assay/assess/condition"

// ConsistencyCheck is a questionnaire's test of two or more answers
// against each other (consistency:): When holds when they disagree, as a
// bias-testing yes beside an intersectional-testing not-measured does.
// Scoring takes each answer as given, so two answers that cannot both be
// true would otherwise count as if both were; a check makes the
// disagreement something the reviewer sees and resolves.
type ConsistencyCheck struct {
	ID        string
	When      *condition.Expr
	Questions []string // the questions it concerns, which the condition reads
	// Message says, in the questionnaire's words, why the answers cannot
	// both be true and what to look at.
	Message string
}

// Disagreement is a consistency check whose condition holds under the
// answers: the check's words, and each answer it concerns as people read
// it.
type Disagreement struct {
	ID      string              `json:"id"`
	Message string              `json:"message"`
	Answers []DisagreeingAnswer `json:"answers"`
	// Explanation is why the answers both stand, as someone recorded it
	// for these very answers (explain.go); nil while nobody has, and
	// again once any of them changes.
	Explanation *Explanation `json:"explanation,omitempty"`
}

// DisagreeingAnswer is one of the answers a disagreement concerns.
type DisagreeingAnswer struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// disagreements lists the checks that hold, in file order. It reads the
// answers of visible questions only, as every condition does: an answer
// kept on a hidden question counts for nothing, so it disagrees with
// nothing either. The score is not changed: a disagreement is listed,
// and the reviewer decides which answer is wrong.
func (s *scorer) disagreements() {
	for _, c := range s.q.Consistency {
		if !c.When.Eval(s.env) {
			continue
		}
		d := Disagreement{ID: c.ID, Message: c.Message, Answers: make([]DisagreeingAnswer, 0, len(c.Questions))}
		for _, id := range c.Questions {
			answer := ""
			if qq, ok := s.q.Question(id); ok && s.res.Questions[qq.Index].Answered {
				answer = s.res.Questions[qq.Index].Answer
			}
			d.Answers = append(d.Answers, DisagreeingAnswer{Question: id, Answer: answer})
		}
		s.res.Disagreements = append(s.res.Disagreements, d)
	}
}

// NewDisagreements lists the disagreements in after that were not in
// before and concern question: what the answer just given to question
// made disagree, for the interview to say at once.
func NewDisagreements(before, after []Disagreement, question string) []Disagreement {
	open := map[string]bool{}
	for _, d := range before {
		open[d.ID] = true
	}
	var out []Disagreement
	for _, d := range after {
		if open[d.ID] {
			continue
		}
		for _, a := range d.Answers {
			if a.Question == question {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
