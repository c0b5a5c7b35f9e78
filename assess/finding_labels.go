package assess

import "strconv"

// FindingLabels names each finding of the evaluation F1, F2, … by its key,
// in the order the report lists the findings (Result.Findings), whatever
// order an output lists them in: the report's plan table, the CSV action
// plan and the OSCAL documents all give a finding the same label, so that
// a committee member can match a spreadsheet row to the report. A plan
// item with no finding in the result (an evaluation built by hand) is
// numbered after them, in plan order.
func (ev *Evaluation) FindingLabels() map[string]string {
	out := map[string]string{}
	if ev.Result != nil {
		for i, f := range ev.Result.Findings {
			out[f.Key] = FindingLabel(i)
		}
	}
	for _, it := range ev.Plan {
		if _, ok := out[it.Key()]; !ok {
			out[it.Key()] = FindingLabel(len(out))
		}
	}
	return out
}

// FindingLabel is the label of the i-th finding (from 0) of a result's
// Findings: F1, F2, … The workspace's findings pane numbers them so too.
func FindingLabel(i int) string { return "F" + strconv.Itoa(i+1) }
