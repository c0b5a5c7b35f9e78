package assess

import (
	"strings"
)

// DescribeAs is Describe with each option chosen said by its label in q,
// as the person chose it ("Partly", not partial): what a message about an
// answer shows people. Labels are joined by "; " (a label may hold a
// comma). An option whose label another option of q shares keeps its
// value beside the label, which alone would not say which was chosen; a
// value that is no option of q (retired since) is said as itself; with
// no question known, the answer is as Describe says it.
func (a Answer) DescribeAs(q *Question) string {
	if q == nil {
		return a.Describe()
	}
	labels := make([]string, len(a.Value.Choices))
	for i, c := range a.Value.Choices {
		labels[i] = q.choiceLabel(c)
	}
	return a.describe(strings.Join(labels, "; "))
}

// choiceLabel is the label of q's option value, with the value when
// another option has the same label; the value itself when q has no
// such option.
func (q *Question) choiceLabel(value string) string {
	o := q.Option(value)
	if o == nil || o.Label == "" {
		return value
	}
	for _, other := range q.Options {
		if other != o && other.Label == o.Label {
			return o.Label + " (" + value + ")"
		}
	}
	return o.Label
}
