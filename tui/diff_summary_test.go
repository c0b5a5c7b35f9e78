package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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

// A review comment as long as a comment may be, with escape sequences,
// Markdown and HTML in it, wraps inside the width of a narrow terminal
// and reaches it as text.
func TestCompareReviewWrapsAndIsClean(t *testing.T) {
	q := &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"}
	day, _ := assess.ParseDate("2026-03-01")
	comment := "\x1b[2J\x1b]0;pwned\x07<b>Approved</b> | **on condition** " + strings.Repeat("that the keys are rolled out ", 60)
	from := &assess.Assessment{ID: 1, Subject: "Acme", Questionnaire: q, AssessedOn: day, Status: assess.Approved,
		SignOffs: []assess.SignOff{{Role: assess.RoleReviewer, Name: "Rui Costa", On: day, Decision: "approved", Comment: comment}}}
	to := &assess.Assessment{ID: 2, Subject: "Acme", Questionnaire: q, AssessedOn: day, Status: assess.Draft}
	d := assess.Compare(assess.Evaluate(from, day), assess.Evaluate(to, day))
	for _, width := range []int{20, 40, 80} {
		text := diffText(newStyles(true), d, width)
		if strings.ContainsAny(ansi.Strip(text), "\x1b\x07") {
			t.Fatalf("width %d: an escape sequence reaches the screen:\n%q", width, text)
		}
		for _, line := range strings.Split(text, "\n") {
			if w := lipgloss.Width(line); w > width {
				t.Errorf("width %d: a line of %d cells: %q", width, w, ansi.Strip(line))
			}
		}
		if flat := strings.Join(strings.Fields(ansi.Strip(text)), " "); !strings.Contains(flat, `("<b>Approved</b> | **on condition** that the keys`) ||
			!strings.Contains(flat, "Nothing else changed:") {
			t.Errorf("width %d: the review is not told whole:\n%s", width, ansi.Strip(text))
		}
	}
}
