package document

import (
	"fmt"
	"math"
	"testing"
)

// crosses reports whether a line, as wide as it is drawn, passes over any
// part of a label's box (touching its edge is not crossing).
func crosses(l, label Shape) bool {
	half := l.StrokeWidth / 2
	x1, x2 := min(l.X, l.X+l.W)-half, max(l.X, l.X+l.W)+half
	y1, y2 := min(l.Y, l.Y+l.H)-half, max(l.Y, l.Y+l.H)+half
	return x1 < label.X+label.W && label.X < x2 && y1 < label.Y+label.H && label.Y < y2
}

// linesThroughLabels lists every line of a drawing that crosses a label.
func linesThroughLabels(d Drawing) []string {
	var bad []string
	for _, l := range d.Shapes {
		if l.Kind != Line {
			continue
		}
		for _, lb := range d.Shapes {
			if lb.Kind == Label && crosses(l, lb) {
				bad = append(bad, fmt.Sprintf("the line from (%.1f, %.1f) to (%.1f, %.1f) crosses %q at (%.1f, %.1f) %.1f×%.1f",
					l.X, l.Y, l.X+l.W, l.Y+l.H, lb.Text, lb.X, lb.Y, lb.W, lb.H))
			}
		}
	}
	return bad
}

// The report date's line ran through the items due before it: on a plan
// assessed on 1 January and reported on 31 January, "F1, F2, F7
// (overdue)" (due 6 January) and "F3 (overdue); F4 done" (21 January)
// extend right of their markers past the line, which was drawn through
// them. Worked by hand from the figure's geometry: the track starts at
// x0 = 8 + 72 = 80 and is 480 − 16 − 72 − 150 = 242 wide over days 0 to
// 90, so the report date (day 30) is at x = 80 + 242·30/90 = 160.67, day 5
// at 93.44 (its text from 101.44) and day 20 at 133.78 (text from 141.78);
// rows start at y = 8 + 16 = 24 and are 18 high, so the five rows end at
// y = 114. The line is now left out where it would cross those two
// labels, and still drawn down rows 3 to 5 (y 60 to 114), whose labels
// lie right of it.
func TestTimelineReportDateLineCrossesNoLabel(t *testing.T) {
	dues := []Due{
		{Day: 5, Date: "2026-01-06", Items: []string{"F1", "F2", "F7"}, Tone: Danger, Overdue: true},
		{Day: 20, Date: "2026-01-21", Items: []string{"F3"}, Closed: []string{"F4 done"}, Tone: Warning, Overdue: true},
		{Day: 45, Date: "2026-02-15", Items: []string{"F5"}, Tone: Caution},
		{Day: 60, Date: "2026-03-02", Closed: []string{"F6 risk accepted"}, Tone: Neutral},
		{Day: 90, Date: "2026-04-01", Items: []string{"F8", "F9"}, Tone: Caution},
	}
	d := Timeline("2026-01-01", 30, "2026-01-31", dues)
	const tx = 80 + 242.0*30/90
	var today []Shape
	for _, s := range d.Shapes {
		if s.Kind == Line && s.Stroke == TodayIs {
			if math.Abs(s.X-tx) > 0.01 || s.W != 0 {
				t.Errorf("a piece of the report date's line runs from (%.2f, %.2f) to (%.2f, %.2f), not down x = %.2f", s.X, s.Y, s.X+s.W, s.Y+s.H, tx)
			}
			today = append(today, s)
		}
	}
	if len(today) == 0 {
		t.Fatal("no report date line")
	}
	for _, want := range []struct {
		text string
		x    float64
	}{{"F1, F2, F7 (overdue)", 93.44 + 8}, {"F3 (overdue); F4 done", 133.78 + 8}} {
		found := false
		for _, s := range d.Shapes {
			if s.Kind != Label || s.Text != want.text {
				continue
			}
			found = true
			if math.Abs(s.X-want.x) > 0.01 || s.X+EstimateWidth(s.Text, s.Size, s.Bold) < tx {
				t.Errorf("%q is set from x = %.2f, %.0f wide; the test wants it from %.2f and past the line at %.2f", s.Text, s.X, EstimateWidth(s.Text, s.Size, s.Bold), want.x, tx)
			}
			if s.X+s.W < tx {
				t.Errorf("%q's box ends at %.2f, left of the line at %.2f, though its text reaches past it", s.Text, s.X+s.W, tx)
			}
		}
		if !found {
			t.Errorf("no label %q", want.text)
		}
	}
	for y := 60.0; y <= 114; y++ {
		drawn := false
		for _, s := range today {
			drawn = drawn || (s.Y <= y && y <= s.Y+s.H)
		}
		if !drawn {
			t.Errorf("the report date's line is not drawn at y = %.0f, in a row whose label lies right of it", y)
		}
	}
	for _, bad := range linesThroughLabels(d) {
		t.Error(bad)
	}
}

// No line of a timeline crosses a label, wherever the report date falls
// (before the assessment date, on it, among the due dates, after them
// all) and however many dates there are (more than a timeline shows adds
// a line counting the rest).
func TestTimelineLinesCrossNoLabel(t *testing.T) {
	for _, n := range []int{1, 4, TimelineMaxRows + 5} {
		var dues []Due
		for i := range n {
			day := -20 + 9*i
			u := Due{Day: day, Date: fmt.Sprintf("day %d", day), Items: []string{fmt.Sprintf("F%d", i+1), "F99"}, Tone: Warning}
			if i%3 == 1 {
				u.Closed = []string{"F100 risk accepted"}
			}
			dues = append(dues, u)
		}
		for _, today := range []int{-30, -5, 0, 3, 17, 40, 100, 400} {
			for i := range dues {
				dues[i].Overdue = dues[i].Day < today
			}
			for _, bad := range linesThroughLabels(Timeline("2026-01-01", today, "today", dues)) {
				t.Errorf("%d dates, report date on day %d: %s", n, today, bad)
			}
		}
	}
}
