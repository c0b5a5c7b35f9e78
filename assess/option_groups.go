package assess

import (
	"strings"

	"github.com/assay-dev/assay/assess/decimal"
)

// countedUnit is what a multiple-choice answer can add once: an option
// of its own, or a group of options, which adds the most points among
// those ticked (lo: its lowest option ticked alone; hi: its highest).
type countedUnit struct{ lo, hi decimal.Decimal }

// countedOnce lists the units of a multiple-choice question's options
// that are neither exclusive nor N/A, each group once, in option order.
func countedOnce(opts []*Option) []countedUnit {
	var units []countedUnit
	at := map[string]int{} // group -> index in units
	for _, o := range opts {
		if o.NA || o.Exclusive {
			continue
		}
		if o.Group == "" {
			units = append(units, countedUnit{o.Points, o.Points})
			continue
		}
		if i, ok := at[o.Group]; ok {
			units[i].lo, units[i].hi = decimal.Min(units[i].lo, o.Points), decimal.Max(units[i].hi, o.Points)
			continue
		}
		at[o.Group] = len(units)
		units = append(units, countedUnit{o.Points, o.Points})
	}
	return units
}

// countedOnceWords says which options an answer ticked that count once
// together, group by group: "vulnerable and children count once
// together, as vulnerable-people", or "" when no two ticked share a group.
// The explanation adds it, so that the points need not be worked back
// from the options listed.
func (q *Question) countedOnceWords(v Value) string {
	ticked := map[string][]string{}
	var order []string
	for _, c := range v.Choices {
		o := q.Option(c)
		if o == nil || o.Group == "" {
			continue
		}
		if _, ok := ticked[o.Group]; !ok {
			order = append(order, o.Group)
		}
		ticked[o.Group] = append(ticked[o.Group], o.Value)
	}
	var says []string
	for _, g := range order {
		if vs := ticked[g]; len(vs) > 1 {
			says = append(says, JoinAnd(vs)+" count once together, as "+g)
		}
	}
	return strings.Join(says, "; ")
}
