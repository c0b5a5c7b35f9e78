package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// makesFindings reports whether any answer to q could make a finding: a
// question or option with a severity, or a risk register. A pre-screen
// makes none, so its report has no findings, plan or accepted risks.
func makesFindings(q *assess.Questionnaire) bool {
	if q.RiskMatrix != nil {
		return true
	}
	for _, qq := range q.Questions {
		if qq.Severity != assess.SeverityNone {
			return true
		}
		for _, o := range qq.Options {
			if o.Severity != assess.SeverityNone {
				return true
			}
		}
	}
	return false
}

// fedDimensions are the dimensions that at least one question feeds: a
// dimension nothing feeds always scores 0 of 0 and says nothing.
func fedDimensions(q *assess.Questionnaire, res *assess.Result) []*assess.DimensionResult {
	fed := map[string]bool{}
	for _, qq := range q.Questions {
		if qq.Dimension != "" {
			fed[qq.Dimension] = true
		}
	}
	var out []*assess.DimensionResult
	for _, d := range res.Dimensions {
		if fed[d.ID] {
			out = append(out, d)
		}
	}
	return out
}

// recommendation is one recommended assessment with every reason the
// answers gave for it: a pre-screen can recommend the same assessment on
// several grounds, and the committee should see it once.
type recommendation struct {
	questionnaire string
	reasons       []string
}

func groupRecommendations(recs []assess.RecommendationResult) []recommendation {
	var out []recommendation
	at := map[string]int{}
	for _, r := range recs {
		i, ok := at[r.Questionnaire]
		if !ok {
			i = len(out)
			at[r.Questionnaire] = i
			out = append(out, recommendation{questionnaire: r.Questionnaire})
		}
		out[i].reasons = append(out[i].reasons, r.Reason)
	}
	return out
}

// recommendedName is how a recommended questionnaire is named: its title
// when the report knows it, with its ID.
func (r *reporter) recommendedName(id string) string {
	if r.opts.QuestionnaireTitle != nil {
		if t := r.opts.QuestionnaireTitle(id); t != "" {
			return Inline(t) + " (" + Code(id) + ")"
		}
	}
	return Code(id)
}

// recommendations lists the assessments a pre-screen's answers call for,
// each once with all its reasons.
func (r *reporter) recommendations() {
	if len(r.q.Recommends) == 0 {
		return
	}
	r.d.heading(2, "Assessments recommended")
	groups := groupRecommendations(r.res.Recommendations)
	if len(groups) == 0 {
		r.d.para("On these answers no further assessment is needed.")
		return
	}
	var rows [][]string
	for i, g := range groups {
		var why []string
		for n, reason := range g.reasons {
			if len(g.reasons) > 1 {
				why = append(why, fmt.Sprintf("(%d) %s", n+1, Inline(reason)))
			} else {
				why = append(why, Inline(reason))
			}
		}
		rows = append(rows, []string{fmt.Sprintf("A%d", i+1), r.recommendedName(g.questionnaire), strings.Join(why, " ")})
	}
	r.d.table([]string{"Ref", "Assessment", "Why"}, rows)
}

// recommendedList names the recommended assessments in a sentence.
func (r *reporter) recommendedList() string {
	var names []string
	for _, g := range groupRecommendations(r.res.Recommendations) {
		names = append(names, r.recommendedName(g.questionnaire))
	}
	return strings.Join(names, ", ")
}
