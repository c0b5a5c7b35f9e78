package history

import (
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// Filter picks the entries a reviewer asks for; its zero value keeps
// every one. It picks from entries already read (Read), so that each
// entry's old values are still those of the whole trail.
type Filter struct {
	Question string      // only entries concerning this question ID
	Since    assess.Date // only entries recorded on or after this day (UTC)
	By       string      // only entries recorded by this actor (any case)
}

// Keep reports whether e passes the filter.
func (f Filter) Keep(e Entry) bool {
	if f.Question != "" && !slices.Contains(e.Questions, f.Question) {
		return false
	}
	if !f.Since.IsZero() && e.When() < f.Since.String() {
		return false
	}
	if f.By != "" && !strings.EqualFold(safetext.OneLine(e.Actor), safetext.OneLine(f.By)) {
		return false
	}
	return true
}

// Apply returns the entries that pass the filter, in order.
func (f Filter) Apply(entries []Entry) []Entry {
	var out []Entry
	for _, e := range entries {
		if f.Keep(e) {
			out = append(out, e)
		}
	}
	return out
}
