package assess

import (
	"time"

	"github.com/assay-dev/assay/assess/safetext"
)

// compareDisagreements tells, for each consistency check that holds on
// either side, where it stands when the two differ: it began or stopped
// holding, or was explained (and by whom, when, why) on one side and not
// the other. A committee comparing this year's with last year's sees
// that two answers now disagree, or that last year's explanation was
// not given again. Later checks first, in their questionnaire's order,
// then those only the earlier side holds.
func compareDisagreements(from, to *Evaluation) []ItemFieldChange {
	var ids []string
	seen := map[string]bool{}
	for _, ds := range [][]Disagreement{to.Result.Disagreements, from.Result.Disagreements} {
		for _, d := range ds {
			if !seen[d.ID] {
				seen[d.ID] = true
				ids = append(ids, d.ID)
			}
		}
	}
	var out []ItemFieldChange
	for _, id := range ids {
		if o, n := disagreementText(from.Result, id), disagreementText(to.Result, id); o != n {
			out = append(out, ItemFieldChange{Field: "Answers that disagree (" + safetext.OneLine(id) + ")", Old: o, New: n})
		}
	}
	return out
}

// disagreementText is where check id stands in res, on one line: "does
// not hold", "holds, not explained", or "holds, explained by Ana Analyst
// on 2026-03-02: …", the explanation cleaned.
func disagreementText(res *Result, id string) string {
	for _, d := range res.Disagreements {
		if d.ID != id {
			continue
		}
		if e := d.Explanation; e != nil {
			return "holds, explained by " + safetext.OneLine(e.By) + " on " + e.At.UTC().Format(time.DateOnly) + ": " + safetext.OneLine(e.Text)
		}
		return "holds, not explained"
	}
	return "does not hold"
}
