// Package decimal holds the exact fixed-point numbers every score is made of.
//
// Scores must be exact: the Canada AIA rule "reduce by 15%, rounded half up"
// gives 30 × 0.85 = 25.5 → 26, but in float64 30*0.85 is 25.499999999999996
// and rounds to 25. A Decimal is an int64 count of millionths, so sums are
// exact and rounding happens only where a rule asks for it.
package decimal

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Decimal is a signed number with six fractional digits, stored as millionths.
type Decimal int64

// Places is the number of fractional digits a Decimal keeps.
const Places = 6

const scale = 1_000_000

// Zero is the additive identity, named for readability at call sites.
const Zero Decimal = 0

// FromInt returns the Decimal for a whole number.
func FromInt(n int64) Decimal { return Decimal(n * scale) }

// Int is the whole part of d, truncated toward zero.
func (d Decimal) Int() int64 { return int64(d / scale) }

// ErrSyntax is returned for text that is not a plain decimal number.
var ErrSyntax = errors.New("not a decimal number")

// ErrTooLarge is returned for a number with more whole digits than a
// Decimal holds safely.
var ErrTooLarge = errors.New("is too large (at most 12 digits before the decimal point)")

// Parse reads a plain decimal such as "12", "-1.5" or "0.125". It accepts at
// most maxPlaces fractional digits (at most Places) so that callers can keep
// products exact: weights and points are limited to 3 places each, so their
// product never needs more than the 6 a Decimal holds.
func Parse(s string, maxPlaces int) (Decimal, error) {
	if maxPlaces > Places {
		maxPlaces = Places
	}
	t := strings.TrimSpace(s)
	neg := false
	switch {
	case strings.HasPrefix(t, "-"):
		neg, t = true, t[1:]
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" || !allDigits(whole) || (hasDot && (frac == "" || !allDigits(frac))) {
		return 0, fmt.Errorf("%q: %w", s, ErrSyntax)
	}
	if len(frac) > maxPlaces {
		return 0, fmt.Errorf("%q has %d decimal places; at most %d are allowed", s, len(frac), maxPlaces)
	}
	if len(whole) > 12 {
		return 0, fmt.Errorf("%q %w", s, ErrTooLarge)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac+strings.Repeat("0", Places-len(frac)), 10, 64)
	}
	d := Decimal(w*scale + f)
	if neg {
		d = -d
	}
	return d, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// MustParse is Parse for constants in code and tests.
func MustParse(s string) Decimal {
	d, err := Parse(s, Places)
	if err != nil {
		panic(err)
	}
	return d
}

// String prints the shortest exact form: "12", "12.5", "-0.125".
func (d Decimal) String() string {
	neg := d < 0
	u := uint64(d)
	if neg {
		u = uint64(-d)
	}
	whole, frac := u/scale, u%scale
	s := strconv.FormatUint(whole, 10)
	if frac != 0 {
		fs := fmt.Sprintf("%06d", frac)
		s += "." + strings.TrimRight(fs, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Fixed prints d rounded half up to exactly places fractional digits.
func (d Decimal) Fixed(places int) string {
	r := d.Round(places, HalfUp)
	neg := r < 0
	u := uint64(r)
	if neg {
		u = uint64(-r)
	}
	whole, frac := u/scale, u%scale
	s := strconv.FormatUint(whole, 10)
	if places > 0 {
		fs := fmt.Sprintf("%06d", frac)
		s += "." + fs[:places]
	}
	if neg && r != 0 {
		s = "-" + s
	}
	return s
}

// MarshalText writes the exact form so JSON output carries no float error.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b), Places)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Mul multiplies two Decimals whose fractional digits add up to at most six
// (weights and points have three each), so the product is exact.
func (d Decimal) Mul(e Decimal) Decimal {
	neg := (d < 0) != (e < 0)
	hi, lo := bits.Mul64(abs(d), abs(e))
	if hi >= scale { // the product does not fit: saturate rather than wrap
		if neg {
			return math.MinInt64 + 1
		}
		return math.MaxInt64
	}
	q, _ := bits.Div64(hi, lo, scale)
	if q > math.MaxInt64 {
		q = math.MaxInt64
	}
	if neg {
		return -Decimal(q)
	}
	return Decimal(q)
}

func abs(d Decimal) uint64 {
	if d < 0 {
		return uint64(-d)
	}
	return uint64(d)
}

// MulRound multiplies exactly and rounds the product to places fractional
// digits with the given mode. It is for rule factors such as 0.85, where the
// exact product may need more digits than a Decimal keeps.
func (d Decimal) MulRound(e Decimal, places int, mode Rounding) Decimal {
	prod := new(big.Int).Mul(big.NewInt(int64(d)), big.NewInt(int64(e)))
	// prod is in units of 10^-12; round it to units of 10^-places.
	unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2*Places-places)), nil)
	q := roundDiv(prod, unit, mode)
	back := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(Places-places)), nil)
	return Decimal(q.Mul(q, back).Int64())
}

// Round rounds d to places fractional digits (0 to 6).
func (d Decimal) Round(places int, mode Rounding) Decimal {
	if places >= Places {
		return d
	}
	unit := int64(1)
	for i := places; i < Places; i++ {
		unit *= 10
	}
	q := roundDiv(big.NewInt(int64(d)), big.NewInt(unit), mode)
	return Decimal(q.Int64() * unit)
}

// Rounding names how a result between two representable values is resolved.
type Rounding string

// The rounding modes a rule may ask for.
const (
	HalfUp   Rounding = "half-up"   // .5 goes up (toward +infinity), as in JavaScript's Math.round
	HalfEven Rounding = "half-even" // .5 goes to the even neighbour
	Down     Rounding = "down"      // toward -infinity
	Up       Rounding = "up"        // toward +infinity
)

// Roundings lists the valid modes for validation messages.
var Roundings = []Rounding{HalfUp, HalfEven, Down, Up}

func roundDiv(n, d *big.Int, mode Rounding) *big.Int {
	q, r := new(big.Int), new(big.Int)
	q.DivMod(n, d, r) // Euclidean: r >= 0, so q is the floor for positive d
	if r.Sign() == 0 {
		return q
	}
	twice := new(big.Int).Lsh(r, 1)
	switch mode {
	case Down:
	case Up:
		q.Add(q, big.NewInt(1))
	case HalfEven:
		c := twice.Cmp(d)
		if c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(q, big.NewInt(1))
		}
	default: // HalfUp
		if twice.Cmp(d) >= 0 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// CmpFraction compares d with num/den × of, exactly: it returns -1, 0 or +1
// as d is below, at or above that fraction of "of". Levels set at "25% of
// the maximum" use it so that a boundary is hit exactly, never by float luck.
func (d Decimal) CmpFraction(num, den int64, of Decimal) int {
	l := new(big.Int).Mul(big.NewInt(int64(d)), big.NewInt(den))
	r := new(big.Int).Mul(big.NewInt(int64(of)), big.NewInt(num))
	return l.Cmp(r)
}

// Percent returns d as a percentage of of, rounded half up to places digits.
// A zero maximum gives zero.
func (d Decimal) Percent(of Decimal, places int) Decimal {
	if of == 0 {
		return 0
	}
	// d/of*100, in millionths: d*100*scale/of.
	n := new(big.Int).Mul(big.NewInt(int64(d)), big.NewInt(100*scale))
	q := roundDiv(n, big.NewInt(int64(of)), HalfUp)
	return Decimal(q.Int64()).Round(places, HalfUp)
}

// Ratio returns num/den as a Decimal rounded half up to six places.
func Ratio(num, den int64) Decimal {
	if den == 0 {
		return 0
	}
	n := new(big.Int).Mul(big.NewInt(num), big.NewInt(scale))
	return Decimal(roundDiv(n, big.NewInt(den), HalfUp).Int64())
}

// Min and Max return the smaller and larger of two Decimals.
func Min(a, b Decimal) Decimal {
	if a < b {
		return a
	}
	return b
}

// Max returns the larger of a and b.
func Max(a, b Decimal) Decimal {
	if a > b {
		return a
	}
	return b
}
