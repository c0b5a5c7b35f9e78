package report

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// planChangesTable lists the plan items changed (assess.Diff.Plan): the
// finding's number in this report, its key, and what changed.
func (r *reporter) planChangesTable(cs []assess.PlanItemChange) {
	if len(cs) == 0 {
		return
	}
	labels := r.e.FindingLabels()
	rows := make([][]document.Text, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, []document.Text{txt(labels[c.Item.Key()]), txt(code(c.Item.Key())), txt(c.Text("→"))})
	}
	r.d.table(cells("Finding", "Item", "Change"), rows)
}
