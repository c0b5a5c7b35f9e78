package tui

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A comparison where a level other than the outcome moved, with its
// score, summed up as "Scores moved; no answer, level or finding
// changed", which a committee takes at its word.
func TestDiffSummaryCountsEveryLevel(t *testing.T) {
	d := &assess.Diff{
		Dimensions: []assess.DimensionChange{{ID: "sensitivity", Title: "Sensitivity"}},
		Levels:     []assess.LevelChange{{ID: "data-sensitivity", Title: "Data sensitivity", Old: "low", New: "high"}},
	}
	if got, want := diffSummary(d), "1 level changed"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	d.Levels = append(d.Levels, assess.LevelChange{ID: "tier", Title: "Tier", Old: "low", New: "critical", Outcome: true},
		assess.LevelChange{ID: "criticality", Title: "Criticality", Old: "medium", New: "high"})
	if got, want := diffSummary(d), "Tier low → critical · 2 other levels changed"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	d.Levels = nil
	if got, want := diffSummary(d), "Scores moved; no answer, level or finding changed"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
