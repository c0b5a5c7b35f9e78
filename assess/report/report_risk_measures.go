package report

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// riskMeasures says, under the risk register, what the planned measures
// behind each rating after measures are and where the plan items that
// carry them out stand. The committee decides on the ratings after
// measures; without the measures and their items it could not tell a
// risk lowered by work under way from one lowered by work nobody owns,
// overdue, or no longer in the plan.
func (r *reporter) riskMeasures() {
	labels := r.e.FindingLabels()
	plan := r.planItems()
	var items []document.Text
	for i, rr := range r.res.Risks {
		if rr.Measures == "" && len(rr.PlanItems) == 0 {
			continue
		}
		item := txt(fmt.Sprintf("R%d (", i+1), user(rr.Title), "):")
		if rr.Measures != "" {
			item = txt(item, " ", strong("Measures:"), " ", body(rr.Measures))
		}
		if len(rr.PlanItems) > 0 {
			item = txt(item, after(item), strong("Plan items:"), " ")
			for n, key := range rr.PlanItems {
				if n > 0 {
					item = txt(item, "; ")
				}
				item = txt(item, r.riskPlanItem(key, labels, plan))
			}
			item = txt(item, ".")
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		return
	}
	// A heading rather than a lead-in sentence: a heading is kept with
	// the start of its list on a page, a sentence was left at the foot
	// of one.
	r.d.heading(3, txt("Planned measures"))
	r.d.list(items...)
}

// riskPlanItem is one plan item a risk's measures rely on: its finding's
// label and question, and where it stands; an item no longer in the plan
// (its question no longer a finding) is said to be so.
func (r *reporter) riskPlanItem(key string, labels map[string]string, plan map[string]assess.PlanItem) document.Text {
	it, ok := plan[key]
	if !ok {
		return txt(code(key), " (no longer a finding, so not in the plan)")
	}
	t := txt(code(key), " (")
	if label := labels[key]; label != "" {
		t = txt(label+" ", code(key), " (")
	}
	st := it.StandingOn(r.opts.Today)
	if st.State == assess.StandingAccepted {
		return txt(t, acceptedBy(st), ")")
	}
	return txt(t, standingText(st), "; owner ", owner(it), ")")
}
