package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// maxPoints reads max_points, a multiple-choice question's cap on what an
// answer counts. A cap at or above the most the options can add up to
// caps nothing, and is refused so that no one reads it as holding the
// maximum down when it does not.
func (l *loader) maxPoints(q *assess.Question, v yamlx.Value) {
	if !v.Exists() {
		return
	}
	capped, ok := v.DecimalOK(pointPlaces)
	if !ok {
		return
	}
	if capped <= 0 {
		v.Problem("", "max_points must be greater than zero")
		return
	}
	q.MaxPoints = nil
	if _, hi := q.PointRange(); capped >= hi {
		v.Problem("remove max_points, or give a number below "+hi.String(),
			"max_points %s caps nothing: the options add up to %s at most", capped, hi)
		return
	}
	q.MaxPoints = &capped
}
