package assess

import "fmt"

// Carry says that a question of a questionnaire a pre-screen recommends
// asks what one of the pre-screen's questions asked, so that starting it
// from the pre-screen starts with that answer. Values maps the
// pre-screen's option values to the other questionnaire's: only the
// values it names are carried (an answer that does not mean one of the
// other question's options stays behind). Without Values the answer is
// carried as it is: the same options, or the same kind of value.
type Carry struct {
	Questionnaire string // the recommended questionnaire
	To            string // its question
	From          string // the pre-screen's question
	Values        map[string]string
}

// Carried is the answers a new assessment of to starts with, taken from
// the pre-screen from (scored as res): each carried question visible and
// answered there, its value translated, and accepted by the question it
// goes to. Each keeps its evidence and says in its note where it came from.
func Carried(from *Assessment, res *Result, to *Questionnaire) []Answer {
	var out []Answer
	for _, c := range from.Questionnaire.Carries {
		if c.Questionnaire != to.ID {
			continue
		}
		src, ok := from.Questionnaire.Question(c.From)
		if !ok || !res.Questions[src.Index].Visible {
			continue
		}
		a := from.Answers[c.From]
		dst, ok := to.Question(c.To)
		if !ok || !a.Answered() {
			continue
		}
		v, ok := c.translate(a.Value)
		if !ok || dst.Validate(v, to.RiskMatrix) != nil {
			continue
		}
		note := fmt.Sprintf("From the pre-screen, assessment #%d.", from.ID)
		if a.Note != "" {
			note += " " + a.Note
		}
		out = append(out, Answer{QuestionID: c.To, Value: v, Note: note, Evidence: a.Evidence, Source: a.Source, Reviewed: a.Reviewed})
	}
	return out
}

// translate maps a pre-screen answer's options to the other question's;
// false when one of them has no counterpart.
func (c *Carry) translate(v Value) (Value, bool) {
	if c.Values == nil {
		return v, true
	}
	if len(v.Choices) == 0 {
		return Value{}, false
	}
	out := Value{Choices: make([]string, 0, len(v.Choices))}
	for _, choice := range v.Choices {
		to, ok := c.Values[choice]
		if !ok {
			return Value{}, false
		}
		out.Choices = append(out.Choices, to)
	}
	return out, true
}

// Recommended is an assessment a pre-screen recommends, once, with every
// reason its answers gave for it: several rules can recommend the same
// assessment on different grounds.
type Recommended struct {
	Questionnaire string
	Reasons       []string
}

// Recommended lists the recommended assessments in the order first
// recommended, each once.
func (r *Result) Recommended() []Recommended {
	var out []Recommended
	at := map[string]int{}
	for _, rec := range r.Recommendations {
		i, ok := at[rec.Questionnaire]
		if !ok {
			i = len(out)
			at[rec.Questionnaire] = i
			out = append(out, Recommended{Questionnaire: rec.Questionnaire})
		}
		out[i].Reasons = append(out[i].Reasons, rec.Reason)
	}
	return out
}
