package questionnaires

import (
	"slices"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
)

// The answers to a number, date or text question are too many to try, but
// a condition only tells them apart by the literals it compares them with:
// every answer lies on one of them or between two neighbours, and answers
// in the same place make every comparison come out the same. So one
// answer from each place is enough for outcomes.

// numbersAround lists, among the numbers the question takes, each number
// named, the nearest on either side of it (a millionth away, the finest a
// number is kept to, or a whole number away for whole), and the bounds.
func numbersAround(qq *assess.Question, named []condition.Literal) []decimal.Decimal {
	var near []decimal.Decimal
	step := decimal.Decimal(1)
	if qq.Whole {
		step = decimal.FromInt(1)
	}
	for _, l := range named {
		if !l.IsNumber {
			continue
		}
		n := l.Num
		if qq.Whole {
			down, up := n.Round(0, decimal.Down), n.Round(0, decimal.Up)
			near = append(near, down-step, down, up, up+step)
			continue
		}
		near = append(near, n-step, n, n+step)
	}
	for _, b := range []*decimal.Decimal{qq.Min, qq.Max} {
		if b != nil {
			near = append(near, *b)
		}
	}
	if len(near) == 0 { // answered() alone: any answer will do
		near = append(near, decimal.Zero, decimal.FromInt(1))
	}
	var out []decimal.Decimal
	for _, n := range near {
		if qq.InNumberRange(n) && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// datesAround lists, among the days a date answer can be, each day named
// and the days before and after it, as YYYY-MM-DD (the form conditions
// compare).
func datesAround(named []condition.Literal) []string {
	var out []string
	add := func(d assess.Date) {
		if s := d.String(); !d.IsZero() && len(s) == len("2006-01-02") && s[0] != '-' && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, l := range named {
		d, err := assess.ParseDate(l.Str)
		if l.IsNumber || err != nil {
			continue
		}
		add(d.AddDays(-1))
		add(d)
		add(d.AddDays(1))
	}
	if len(out) == 0 {
		add(assess.NewDate(2026, time.January, 1))
	}
	return out
}

// textsAmong lists each text named that an answer can be, and one that is
// none of them.
func textsAmong(named []condition.Literal) []string {
	var out []string
	for _, l := range named {
		if !l.IsNumber && textAnswerCanBe(l.Str) && !slices.Contains(out, l.Str) {
			out = append(out, l.Str)
		}
	}
	other := "x"
	for slices.Contains(out, other) {
		other += "x"
	}
	return append(out, other)
}

// textAnswerCanBe reports whether a text answer can be s: an empty one is
// no answer, and one is stored cleaned (assess.CleanText).
func textAnswerCanBe(s string) bool {
	clean, err := assess.CleanText("answer", s)
	return err == nil && clean == s && s != ""
}
