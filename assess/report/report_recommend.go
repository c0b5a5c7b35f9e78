package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// fedDimensions are the dimensions that at least one question feeds: a
// dimension nothing feeds always scores 0 of 0 and says nothing.
func fedDimensions(q *assess.Questionnaire, res *assess.Result) []*assess.DimensionResult {
	var out []*assess.DimensionResult
	for _, d := range res.Dimensions {
		if q.Fed(d.ID) {
			out = append(out, d)
		}
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
	groups := r.res.Recommended()
	if len(groups) == 0 {
		r.d.para(txt("On these answers no further assessment is needed."))
		return
	}
	var rows [][]document.Text
	for i, g := range groups {
		var why document.Text
		for n, reason := range g.Reasons {
			if n > 0 {
				why = txt(why, " ")
			}
			if len(g.Reasons) > 1 {
				why = txt(why, fmt.Sprintf("(%d) ", n+1), user(reason))
			} else {
				why = txt(why, user(reason))
			}
		}
		rows = append(rows, []document.Text{txt(fmt.Sprintf("A%d", i+1)), r.recommendedName(g.Questionnaire), why})
	}
	r.d.table(cells("Ref", "Assessment", "Why"), rows)
}

// recommendedList names the recommended assessments in a sentence.
func (r *reporter) recommendedList() document.Text {
	var names document.Text
	for i, g := range r.res.Recommended() {
		if i > 0 {
			names = txt(names, ", ")
		}
		names = txt(names, r.recommendedName(g.Questionnaire))
	}
	return names
}
