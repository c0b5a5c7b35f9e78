package assess

import (
	"testing"

	"github.com/assay-dev/assay/assess/decimal"
)

func d(s string) decimal.Decimal { return decimal.MustParse(s) }

// A threshold in percent is compared exactly, not through the rounded
// percentage people see: 15.99 of 20 is 79.95%, shown as 80.0%, and is
// still below 80%.
func TestCompareBoundIsExact(t *testing.T) {
	eighty := Bound{Value: d("80"), Percent: true}
	cases := []struct {
		v, max string
		want   int
	}{
		{"16", "20", 0},     // 16/20 = 80% exactly
		{"15.99", "20", -1}, // 79.95%
		{"16.001", "20", 1}, // 80.005%
		{"12.8", "16", 0},   // 80% of 16 is 12.8
		{"13", "16", 1},     // 81.25%
		{"0", "0", 0},       // an empty maximum: 0 is 0% of it
	}
	for _, c := range cases {
		if got := compareBound(d(c.v), eighty, d(c.max)); got != c.want {
			t.Errorf("%s of %s vs 80%%: %d, want %d", c.v, c.max, got, c.want)
		}
	}
	if p := d("15.99").Percent(d("20"), 1); p != d("80") {
		t.Errorf("15.99 of 20 shows as %s%%, want 80 (the display rounds)", p)
	}
	// Points, not percent: plain comparison.
	if compareBound(d("10"), Bound{Value: d("10")}, d("40")) != 0 || compareBound(d("10.001"), Bound{Value: d("10")}, d("40")) != 1 {
		t.Error("absolute bound")
	}
}

func TestApplyRule(t *testing.T) {
	halfUp0 := &RoundSpec{Mode: decimal.HalfUp}
	cases := []struct {
		name string
		rule Rule
		v    string
		want string
	}{
		// 30 × 0.85 = 25.5: half up 26, half even 26, down 25, up 26.
		{"half up", Rule{Op: OpMultiply, Amount: d("0.85"), Round: halfUp0}, "30", "26"},
		{"half even at odd", Rule{Op: OpMultiply, Amount: d("0.85"), Round: &RoundSpec{Mode: decimal.HalfEven}}, "30", "26"},
		{"down", Rule{Op: OpMultiply, Amount: d("0.85"), Round: &RoundSpec{Mode: decimal.Down}}, "30", "25"},
		// 10 × 0.85 = 8.5: half up 9, half even 8.
		{"half up at even", Rule{Op: OpMultiply, Amount: d("0.85"), Round: halfUp0}, "10", "9"},
		{"half even at even", Rule{Op: OpMultiply, Amount: d("0.85"), Round: &RoundSpec{Mode: decimal.HalfEven}}, "10", "8"},
		// 7 × 0.333 = 2.331 → 2 places half up 2.33; up 2.34.
		{"two places", Rule{Op: OpMultiply, Amount: d("0.333"), Round: &RoundSpec{Mode: decimal.HalfUp, Places: 2}}, "7", "2.33"},
		{"two places up", Rule{Op: OpMultiply, Amount: d("0.333"), Round: &RoundSpec{Mode: decimal.Up, Places: 2}}, "7", "2.34"},
		// No round: kept to six places. 0.1234567 cannot be written, so
		// 1.234567 × 0.5 = 0.6172835 → half up 0.617284.
		{"no rounding", Rule{Op: OpMultiply, Amount: d("0.5")}, "1.234567", "0.617284"},
		// Negative results round half up toward +infinity: -8.5 → -8.
		{"negative half up", Rule{Op: OpMultiply, Amount: d("-0.85"), Round: halfUp0}, "10", "-8"},
		{"add", Rule{Op: OpAdd, Amount: d("2.5"), Round: halfUp0}, "10", "13"},
		{"set", Rule{Op: OpSet, Amount: d("4")}, "10", "4"},
		{"cap above", Rule{Op: OpCap, Amount: d("12")}, "30", "12"},
		{"cap below", Rule{Op: OpCap, Amount: d("12")}, "10", "10"},
		{"floor below", Rule{Op: OpFloor, Amount: d("12")}, "10", "12"},
		{"floor above", Rule{Op: OpFloor, Amount: d("12")}, "30", "30"},
	}
	for _, c := range cases {
		if got := applyRule(&c.rule, d(c.v)); got != d(c.want) {
			t.Errorf("%s: %s → %s, want %s", c.name, c.v, got, c.want)
		}
	}
}

func TestPointRange(t *testing.T) {
	opts := func(os ...*Option) *Question { return &Question{Type: TypeMulti, Options: os} }
	cases := []struct {
		name   string
		q      *Question
		lo, hi string
	}{
		// Any non-empty set of the ordinary options: from the lowest single
		// option (1) to all of them (1+3+4 = 8); the exclusive none (0) and
		// the n/a option stand alone, n/a outside the range.
		{"multi", opts(&Option{Value: "a", Points: d("1")}, &Option{Value: "b", Points: d("3")}, &Option{Value: "c", Points: d("4")},
			&Option{Value: "none", Exclusive: true}, &Option{Value: "na", NA: true, Points: d("99")}), "0", "8"},
		// Without the exclusive option the lowest is one option alone.
		{"multi without none", opts(&Option{Value: "a", Points: d("1")}, &Option{Value: "b", Points: d("3")}), "1", "4"},
		// Negative points (a bonus): the lowest is all negatives together.
		{"multi with bonuses", opts(&Option{Value: "a", Points: d("2")}, &Option{Value: "b", Points: d("-1")}, &Option{Value: "c", Points: d("-2")}), "-3", "2"},
		{"single", &Question{Type: TypeSingle, Options: []*Option{{Points: d("2")}, {Points: d("0.5")}, {NA: true, Points: d("9")}}}, "0.5", "2"},
		{"scale by value", &Question{Type: TypeScale, Scale: &ScaleDef{From: 1, To: 5}}, "1", "5"},
		{"scale by points", &Question{Type: TypeScale, Scale: &ScaleDef{From: 1, To: 3, Points: []decimal.Decimal{d("4"), d("0"), d("2")}}}, "0", "4"},
	}
	for _, c := range cases {
		lo, hi := c.q.PointRange()
		if lo != d(c.lo) || hi != d(c.hi) {
			t.Errorf("%s: %s to %s, want %s to %s", c.name, lo, hi, c.lo, c.hi)
		}
	}
}

// Partial findings go one step down, raises go up; both stop at the ends.
func TestSeverityRaise(t *testing.T) {
	cases := []struct {
		s     Severity
		steps int
		want  Severity
	}{
		{Medium, -1, Low}, {Low, -1, Low}, {High, 2, Critical}, {Critical, 1, Critical}, {Low, 3, Critical}, {High, -3, Low},
	}
	for _, c := range cases {
		if got := c.s.Raise(c.steps); got != c.want {
			t.Errorf("%s raised %d = %s, want %s", c.s, c.steps, got, c.want)
		}
	}
}

func TestLessControlID(t *testing.T) {
	ordered := []string{"A.5.2", "A.5.10", "A.8.1", "CC1.2", "CC1.10", "CC2.1", "GV.OC-02", "GV.OC-10", "P1.1", "PI1.1"}
	for i := 1; i < len(ordered); i++ {
		if !LessControlID(ordered[i-1], ordered[i]) || LessControlID(ordered[i], ordered[i-1]) {
			t.Errorf("%s should sort before %s", ordered[i-1], ordered[i])
		}
	}
}
