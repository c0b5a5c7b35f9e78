package document

import (
	"fmt"
	"testing"
)

// Every label of a timeline lies inside the panel, within its margin
// (pad): the "assessed" label was set in a box 160 points wide from just
// left of the assessment date's line, which is at the right end of the
// track when every due date comes before the assessment, so the box ran
// past the panel's margin to within a fraction of a point of its edge,
// and a renderer that does not clip to the box (or a reader's wider face)
// drew past it. Worked by hand: the track ends at x = 8 + 72 + 242 = 322;
// with the earliest date on day -400 and the report on the assessment
// day or before it, day 0 is at 322 − 242/401 = 321.4, so the box ran
// from 319.4 to 479.4, past the margin at 480 − 8 = 472.
func TestTimelineLabelsStayInsideThePanel(t *testing.T) {
	cases := []struct {
		name  string
		days  []int
		today int
	}{
		{"every date before the assessment, report on its day", []int{-400, -250, -100}, 0},
		{"every date and the report before the assessment", []int{-400, -250, -100}, -30},
		{"one date the day before the assessment", []int{-1}, 0},
		{"dates either side", []int{-20, 5, 90}, 30},
		{"every date after the report", []int{30, 60, 400}, 0},
		{"more dates than a timeline shows, all before", nil, 0},
	}
	for i := range TimelineMaxRows + 5 {
		cases[len(cases)-1].days = append(cases[len(cases)-1].days, -900+10*i)
	}
	for _, c := range cases {
		var dues []Due
		for i, day := range c.days {
			dues = append(dues, Due{Day: day, Date: fmt.Sprintf("2025-%02d-01", i%12+1),
				Items: []string{fmt.Sprintf("F%d", i+1)}, Overdue: day < c.today, Tone: Warning})
		}
		d := Timeline("2026-01-01", c.today, "2026-01-31", dues)
		for _, s := range d.Shapes {
			if s.Kind != Label {
				continue
			}
			if s.X < pad || s.X+s.W > d.Width-pad || s.Y < pad || s.Y+s.H > d.Height-pad {
				t.Errorf("%s: %q is boxed from (%.1f, %.1f) to (%.1f, %.1f), outside the panel's margin, (%d, %d) to (%.0f, %.0f)",
					c.name, s.Text, s.X, s.Y, s.X+s.W, s.Y+s.H, pad, pad, d.Width-pad, d.Height-pad)
			}
		}
	}
}
