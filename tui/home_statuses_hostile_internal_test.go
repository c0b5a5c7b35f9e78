package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// A hostile portfolio: every status, archived or not, each with and
// without a use the law forbids, subjects that carry escape sequences,
// a right-to-left override and 500 characters, and the longest level
// names a questionnaire of one's own may give. At every width the
// screens are laid out for, each row fits its width whole: its open
// items are never cut (a count cut to "1…" misreads), its status says
// "must not be used" whole where the use is forbidden, and nothing of a
// subject's escape sequences is drawn.
func TestHomeRowsOfEveryStatusFitAtEveryWidth(t *testing.T) {
	subjects := append(slices.Clone(hostileNames), strings.Repeat("Ж", 500), "\u202eevil\u202c "+strings.Repeat("x", 480))
	levels := []assess.Summary{
		{Level: "prohibited", LevelRank: 4, LevelOf: 5},
		{Level: "a level named at length", LevelRank: 1, LevelOf: 3},
		{Level: "critical", LevelRank: 3, LevelOf: 4, LevelUnsettled: true},
	}
	var items []*assess.Assessment
	id := int64(0)
	for _, status := range []assess.Lifecycle{assess.Draft, assess.InReview, assess.Approved, assess.Rejected} {
		for _, archived := range []bool{false, true} {
			for _, forbidden := range []bool{false, true} {
				id++
				s := levels[int(id)%len(levels)]
				s.UseForbidden, s.Answered, s.Total = forbidden, 57, 57
				s.Items = []assess.ItemSummary{{Status: assess.ItemOpen, Due: shortToday.AddDays(-1), Count: 12}}
				items = append(items, &assess.Assessment{ID: id * 1000, Subject: subjects[int(id)%len(subjects)], Status: status, Archive: assess.ArchiveFlagOf(archived),
					Questionnaire: &assess.Questionnaire{ID: "q", Title: "\x1b]8;;https://evil.example\x07Title\x1b]8;;\x07 " + strings.Repeat("y", 200)}, Summary: s})
			}
		}
	}
	p := newPortfolio(items, countOn(shortToday), true)
	st := newStyles(true)
	for _, width := range []int{60, 80, 120, 200} {
		cols := homeColumns(width, p)
		for i, a := range items {
			line := ansi.Strip(listRow(st, cols.row(st, a, p.rows[i]), false))
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("at %d columns, #%d (%s%s) is %d wide:\n%s", width, a.ID, a.Status, map[bool]string{true: ", forbidden"}[a.Summary.UseForbidden], w, line)
			}
			if !strings.HasSuffix(strings.TrimRight(line, " "), "12/12 late") {
				t.Errorf("at %d columns, #%d's open items are not whole:\n%s", width, a.ID, line)
			}
			if a.Summary.UseForbidden && !strings.Contains(line, "must not be used") {
				t.Errorf("at %d columns, #%d does not say it must not be used:\n%s", width, a.ID, line)
			}
			if strings.ContainsAny(line, "\x1b\u202e\x07") || strings.Contains(line, "evil.example") {
				t.Errorf("at %d columns, #%d draws what its subject or title carries:\n%q", width, a.ID, line)
			}
		}
		if width >= 80 && cols.questionnaire == 0 {
			t.Errorf("at %d columns the questionnaire is not shown: %+v", width, cols)
		}
	}
}

// openCells counts what openText writes, without writing it.
func TestOpenCellsCountsOpenText(t *testing.T) {
	for _, r := range []portfolioRow{{}, {open: 9}, {open: 10}, {open: 16, overdue: 16}, {open: 100000, overdue: 9}, {open: 1, overdue: 1}} {
		if got, want := r.openCells(), len(r.openText()); got != want {
			t.Errorf("%+v: %d cells counted, %q written", r, got, r.openText())
		}
	}
}
