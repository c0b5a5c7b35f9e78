package questionnaires

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// numberRange reads a number question's min, max and whole: the answers
// it takes. The bounds are exact decimals, as band bounds are; with
// whole: true they must be whole numbers themselves, or the range would
// read "a whole number from 0.5" and mean "from 1".
func (l *loader) numberRange(q *assess.Question, f yamlx.Fields) {
	q.Whole = f.Get("whole").Bool()
	read := func(key string, mode decimal.Rounding) *decimal.Decimal {
		v := f.Get(key)
		if !v.Exists() {
			return nil
		}
		d := v.Decimal(decimal.Places)
		if r := d.Round(0, mode); q.Whole && r != d {
			v.Problem(fmt.Sprintf("use %s", r), "%s %s is not a whole number, but whole: true takes only whole numbers", key, d)
		}
		return &d
	}
	q.Min, q.Max = read("min", decimal.Up), read("max", decimal.Down)
	if q.Min != nil && q.Max != nil && *q.Max < *q.Min {
		f.Get("max").Problem("min is the smallest answer taken and max the largest", "max %s is below min %s", q.Max, q.Min)
	}
}

// checkBandReach refuses a band no answer can land in: one below min, one
// above max, or, on a question that takes whole numbers, one with no whole
// number in it. Its points would still count in the question's range, so
// the question's maximum (and what a gap is) would rest on an answer that
// cannot be given.
func (l *loader) checkBandReach(q *assess.Question, v yamlx.Value) {
	if q.Min == nil && q.Max == nil && !q.Whole {
		return
	}
	items := v.List()
	for i, b := range q.Bands {
		var after *decimal.Decimal // the band covers numbers above after, up to b.UpTo
		if i > 0 {
			after = q.Bands[i-1].UpTo
		}
		var covers string
		switch {
		case after != nil && b.UpTo != nil:
			covers = fmt.Sprintf("above %s up to %s", after, b.UpTo)
		case after != nil:
			covers = "above " + after.String()
		case b.UpTo != nil:
			covers = "up to " + b.UpTo.String()
		default:
			continue // the only band: it takes every answer
		}
		hint := ""
		switch {
		case b.UpTo != nil && q.Min != nil && *b.UpTo < *q.Min:
			hint = "remove the band, or lower min"
		case after != nil && q.Max != nil && *after >= *q.Max:
			hint = "remove the band, or raise max"
			if i == len(q.Bands)-1 {
				hint = "leave out upto in the band before and remove this one, or raise max"
			}
		case q.Whole && !holdsWhole(after, b.UpTo):
			hint = "remove the band, or give the band a whole number as upto"
		default:
			continue
		}
		items[i].Problem(hint, "no answer lands in this band: the question takes %s, and the band covers numbers %s", q.NumberRange(), covers)
	}
}

// holdsWhole reports whether a whole number lies above after (if any) and
// at most upto (if any).
func holdsWhole(after, upto *decimal.Decimal) bool {
	if after == nil || upto == nil {
		return true
	}
	return after.Round(0, decimal.Down)+decimal.FromInt(1) <= upto.Round(0, decimal.Down)
}
