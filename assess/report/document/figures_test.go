package document

import (
	"strings"
	"testing"
)

// Each cell of a map is drawn where RiskMapCellBox says, in its level's
// colour: the highest likelihood on top, the lowest impact on the left.
func TestRiskMapCells(t *testing.T) {
	cells := [][]MapCell{ // likelihood 1, then 2
		{{Level: "low", Tone: Good}, {Level: "medium", Tone: Caution}},
		{{Level: "high", Tone: Warning}, {Level: "critical", Tone: Danger, Risks: []string{"R1"}}},
	}
	d := RiskMap([]string{"rare", "likely"}, []string{"minor", "major"}, cells)
	want := map[[2]int]Tone{{0, 0}: Warning, {0, 1}: Danger, {1, 0}: Good, {1, 1}: Caution} // [row, column]
	for rc, tone := range want {
		x, y, w, h := RiskMapCellBox(2, 2, rc[0], rc[1])
		found := false
		for _, s := range d.Shapes {
			if s.Kind == Box && s.X == x && s.Y == y && s.W == w && s.H == h {
				found = true
				if s.Fill != tone.Fill() {
					t.Errorf("cell %v is %v, want %v", rc, s.Fill, tone.Fill())
				}
			}
		}
		if !found {
			t.Errorf("no box at cell %v", rc)
		}
	}
	if !hasLabel(d, "R1") || !hasLabel(d, "likely") || !hasLabel(d, "major") {
		t.Error("a label is missing")
	}
}

func hasLabel(d Drawing, text string) bool {
	for _, s := range d.Shapes {
		if s.Kind == Label && s.Text == text {
			return true
		}
	}
	return false
}

// No label is wider than its box by the estimate, however long its text.
func TestLabelsFit(t *testing.T) {
	long := strings.Repeat("W株", 200)
	d := RiskMap([]string{long}, []string{long, "x"}, [][]MapCell{{{Level: long, Risks: []string{long}}, {}}})
	d.Shapes = append(d.Shapes, Timeline("2026-01-01", 10, "2026-01-11", []Due{{Day: 30, Date: "2026-01-31", Items: strings.Fields(strings.Repeat("F1 ", 80)), Overdue: true}}).Shapes...)
	for _, s := range d.Shapes {
		if s.Kind == Label && EstimateWidth(s.Text, s.Size, s.Bold) > s.W+0.01 {
			t.Errorf("label %.30q is %.0f wide in a box of %.0f", s.Text, EstimateWidth(s.Text, s.Size, s.Bold), s.W)
		}
	}
}

// A date with more items than fit names the first ones and counts them all.
func TestTimelineItemsText(t *testing.T) {
	u := Due{Items: []string{"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10"}, Overdue: true}
	got := itemsText(u, 180, 8)
	if !strings.HasPrefix(got, "F1, F2") || !strings.HasSuffix(got, ", … (10 items, 10 overdue)") {
		t.Errorf("itemsText = %q", got)
	}
	if got := itemsText(u, 20, 8); got != "… (10 items, 10 overdue)" {
		t.Errorf("itemsText with no room = %q", got)
	}
	if got := itemsText(Due{Items: []string{"F1", "F2"}}, 200, 8); got != "F1, F2" {
		t.Errorf("itemsText = %q", got)
	}
	// "overdue" is said of the open items only, never of one done or a
	// risk accepted on the same date.
	mixed := Due{Items: []string{"F1", "F4"}, Closed: []string{"F2 risk accepted", "F3 done"}, Overdue: true}
	if got := itemsText(mixed, 400, 8); got != "F1, F4 (overdue); F2 risk accepted; F3 done" {
		t.Errorf("itemsText = %q", got)
	}
	if got := itemsText(mixed, 100, 8); !strings.HasSuffix(got, "(4 items, 2 overdue)") || strings.Contains(got, "F2") {
		t.Errorf("itemsText with little room = %q", got)
	}
	if got := itemsText(Due{Closed: []string{"F3 done"}}, 400, 8); got != "F3 done" {
		t.Errorf("itemsText = %q", got)
	}
}

// Worked by hand: columns that fit get their text's width and share the
// rest in proportion; columns that do not fit get their longest word and
// share the rest by how much more they want.
func TestShareWidth(t *testing.T) {
	check := func(got, want []float64) {
		t.Helper()
		for i := range want {
			if d := got[i] - want[i]; d > 1e-9 || d < -1e-9 {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	}
	check(ShareWidth([]float64{10, 10}, []float64{20, 60}, 160), []float64{40, 120})
	check(ShareWidth([]float64{10, 30}, []float64{50, 130}, 100), []float64{10 + 60*40.0/140, 30 + 60*100.0/140})
	// When even the longest words do not all fit, the columns whose
	// longest word is short keep it whole, and only the widest columns
	// narrow, to one width: shrinking every column in proportion broke the
	// plan's header into "Findin g" and "Severit y" and its status into
	// "risk-accept ed", to leave room for an owner's 80-letter name that
	// breaks anyway.
	check(ShareWidth([]float64{100, 300}, []float64{100, 300}, 200), []float64{100, 100})
	check(ShareWidth([]float64{45, 49, 87, 117, 77, 67, 97}, []float64{45, 60, 400, 200, 300, 90, 300}, 515),
		[]float64{45, 49, 87, 95, 77, 67, 95})
	check(ShareWidth([]float64{60, 90, 90}, []float64{60, 90, 90}, 120), []float64{40, 40, 40})
	check(ShareWidth([]float64{10, 30}, []float64{10, 30}, 40), []float64{10, 30})
}
