package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
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
func (r *reporter) recommendedName(id string) document.Text {
	if r.opts.QuestionnaireTitle != nil {
		if t := r.opts.QuestionnaireTitle(id); t != "" {
			return txt(user(t), " (", code(id), ")")
		}
	}
	return txt(code(id))
}

// recommendations lists the assessments a pre-screen's answers call for,
// each once with all its reasons.
func (r *reporter) recommendations() {
	if len(r.q.Recommends) == 0 {
		return
	}
	r.d.heading(2, txt("Assessments recommended"))
	groups := groupRecommendations(r.res.Recommendations)
	if len(groups) == 0 {
		r.d.para(txt("On these answers no further assessment is needed."))
		return
	}
	var rows [][]document.Text
	for i, g := range groups {
		var why document.Text
		for n, reason := range g.reasons {
			if n > 0 {
				why = txt(why, " ")
			}
			if len(g.reasons) > 1 {
				why = txt(why, fmt.Sprintf("(%d) ", n+1), user(reason))
			} else {
				why = txt(why, user(reason))
			}
		}
		rows = append(rows, []document.Text{txt(fmt.Sprintf("A%d", i+1)), r.recommendedName(g.questionnaire), why})
	}
	r.d.table(cells("Ref", "Assessment", "Why"), rows)
}

// recommendedList names the recommended assessments in a sentence.
func (r *reporter) recommendedList() document.Text {
	var names document.Text
	for i, g := range groupRecommendations(r.res.Recommendations) {
		if i > 0 {
			names = txt(names, ", ")
		}
		names = txt(names, r.recommendedName(g.questionnaire))
	}
	return names
}
