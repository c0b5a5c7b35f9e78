package decimal

import "testing"

func TestParseAndString(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"12", "12"}, {"-1.5", "-1.5"}, {"0.125", "0.125"}, {"+3.000", "3"}, {"0.85", "0.85"},
	}
	for _, c := range cases {
		d, err := Parse(c.in, 3)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		if got := d.String(); got != c.want {
			t.Errorf("Parse(%q).String() = %q, want %q", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"", "1.", ".5", "1e3", "abc", "1.2345", "--1", "1_000"} {
		if _, err := Parse(bad, 3); err == nil {
			t.Errorf("Parse(%q) accepted a bad number", bad)
		}
	}
}

func TestMulRoundHalfUpIsExact(t *testing.T) {
	// 30 × 0.85 = 25.5 exactly (float64 happens to give 25.5 as well).
	cases := []struct {
		raw  int64
		want int64
	}{{30, 26}, {10, 9}, {20, 17}, {1, 1}, {3, 3}, {50, 43}, {70, 60}}
	// Worked by hand: 10×0.85=8.5→9; 20×0.85=17; 1×0.85=0.85→1; 3×0.85=2.55→3;
	// 50×0.85=42.5→43; 70×0.85=59.5→60.
	for _, c := range cases {
		got := FromInt(c.raw).MulRound(MustParse("0.85"), 0, HalfUp)
		if got != FromInt(c.want) {
			t.Errorf("%d × 0.85 half-up = %s, want %d", c.raw, got, c.want)
		}
	}
}

// A product that binary floating point gets wrong: 45 × 0.7 is 31.5, which
// rounds half up to 32, but float64 computes 31.499999999999996, which
// would round to 31. Decimals keep the product exact.
func TestMulRoundWhereFloatFails(t *testing.T) {
	f45, f07 := 45.0, 0.7
	if f45*f07 >= 31.5 {
		t.Fatalf("float64 45 × 0.7 = %v; the premise of this test is gone", f45*f07)
	}
	if got := FromInt(45).MulRound(MustParse("0.7"), 0, HalfUp); got != FromInt(32) {
		t.Errorf("45 × 0.7 half-up = %s, want 32", got)
	}
}

func TestRoundingModes(t *testing.T) {
	cases := []struct {
		in   string
		mode Rounding
		want string
	}{
		{"2.5", HalfUp, "3"}, {"2.5", HalfEven, "2"}, {"3.5", HalfEven, "4"},
		{"2.4", Up, "3"}, {"2.6", Down, "2"}, {"-2.5", HalfUp, "-2"}, {"-2.6", Down, "-3"},
	}
	for _, c := range cases {
		if got := MustParse(c.in).Round(0, c.mode).String(); got != c.want {
			t.Errorf("Round(%s, %s) = %s, want %s", c.in, c.mode, got, c.want)
		}
	}
	if got := MustParse("1.25").Round(1, HalfUp).String(); got != "1.3" {
		t.Errorf("1.25 to one place = %s, want 1.3", got)
	}
}

func TestMulAndFraction(t *testing.T) {
	if got := MustParse("1.5").Mul(MustParse("2.25")).String(); got != "3.375" {
		t.Errorf("1.5 × 2.25 = %s", got)
	}
	if got := MustParse("-2").Mul(MustParse("0.5")).String(); got != "-1" {
		t.Errorf("-2 × 0.5 = %s", got)
	}
	// 25 is exactly 25% of 100; 25.000001 is above it.
	if c := FromInt(25).CmpFraction(25, 100, FromInt(100)); c != 0 {
		t.Errorf("25 vs 25%% of 100: %d", c)
	}
	if c := MustParse("25.000001").CmpFraction(25, 100, FromInt(100)); c != 1 {
		t.Errorf("25.000001 vs 25%% of 100: %d", c)
	}
	if got := FromInt(1).Percent(FromInt(3), 1).String(); got != "33.3" {
		t.Errorf("1/3 as percent = %s", got)
	}
	if got := FromInt(2).Percent(FromInt(3), 1).String(); got != "66.7" {
		t.Errorf("2/3 as percent = %s", got)
	}
	if got := FromInt(7).Fixed(1); got != "7.0" {
		t.Errorf("Fixed(1) of 7 = %s", got)
	}
}

func TestIntTruncatesTowardZero(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{{"3", 3}, {"3.999999", 3}, {"-2.5", -2}, {"0.5", 0}} {
		if got := MustParse(c.in).Int(); got != c.want {
			t.Errorf("%s.Int() = %d, want %d", c.in, got, c.want)
		}
	}
}
