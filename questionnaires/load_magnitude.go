package questionnaires

import (
	"math"
	"strconv"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// maxDimensionPoints is the most points a dimension may reach, up or down.
// Scores are exact decimals held in 64 bits (millionths, so at most about
// 9.2 million million); a sum past that wraps round, and a subject with the
// worst answers would score below zero. A billion leaves room for the
// rules' factors and the percentages, and is far beyond any real
// instrument (Canada's AIA has 169).
const maxDimensionPoints = 1_000_000_000

// checkMagnitudes refuses a question whose points times its weight, or a
// dimension whose questions together, could reach past maxDimensionPoints.
// The sums are taken in float64, which cannot wrap, before the scorer ever
// adds them as decimals.
//
// A stored snapshot (read with a lenient catalog) is not checked: it was
// accepted when it was stored, and refusing it now would stop every list
// of the portfolio, not only its assessment.
func (l *loader) checkMagnitudes() {
	if l.cat.AcceptsAnyFramework() {
		return
	}
	total := map[string]float64{}
	l.reach = total
	for _, q := range l.q.Questions {
		if q.Dimension == "" || q.Type == assess.TypeText || q.Type == assess.TypeRisk {
			continue
		}
		reach := questionReach(q) * float64(q.Weight) / 1e6
		at, ok := l.qValues[q.ID]
		if !ok {
			continue
		}
		before := total[q.Dimension]
		total[q.Dimension] = before + reach
		switch {
		case reach > maxDimensionPoints:
			at.Problem("use smaller points or weights; only the proportions matter to levels in percent",
				"question %s can score %s points; a dimension holds at most %d", q.ID, roughly(reach), maxDimensionPoints)
		case before <= maxDimensionPoints && before+reach > maxDimensionPoints:
			at.Problem("use smaller points or weights; only the proportions matter to levels in percent",
				"with question %s, dimension %s can reach %s points; a dimension holds at most %d", q.ID, q.Dimension, roughly(before+reach), maxDimensionPoints)
		}
	}
}

// questionReach is the most points, up or down and before weighting, an
// answer to q can earn: for a multiple choice, all its options together.
func questionReach(q *assess.Question) float64 {
	var most, pos, neg float64
	take := func(p float64) {
		most = math.Max(most, math.Abs(p))
		if p > 0 {
			pos += p
		} else {
			neg -= p
		}
	}
	for _, o := range q.Options {
		if !o.NA {
			take(float64(o.Points) / 1e6)
		}
	}
	if q.Type == assess.TypeMulti {
		return math.Max(most, math.Max(pos, neg))
	}
	if s := q.Scale; s != nil {
		if len(s.Points) == 0 {
			take(float64(s.From))
			take(float64(s.To))
		}
		for _, p := range s.Points {
			take(float64(p) / 1e6)
		}
	}
	for _, b := range q.Bands {
		take(float64(b.Points) / 1e6)
	}
	for _, b := range q.AgeBands {
		take(float64(b.Points) / 1e6)
	}
	return most
}

// roughly prints a large reach without a float's exponent.
func roughly(f float64) string {
	if f >= 1e15 {
		return "over 10^15"
	}
	return strconv.FormatFloat(math.Round(f), 'f', 0, 64)
}

// checkRuleReach follows the range a dimension's value can take through
// the rules, in order, and refuses the rule that could take it past
// maxDimensionPoints: a rule adds to, multiplies or sets the value, and
// rules chain, so ten adds or four factors of 1000 can go where no
// question's points could. A rule with an if may or may not apply, so
// both ranges are kept.
func (l *loader) checkRuleReach(r *assess.Rule, at yamlx.Value) {
	if l.reach == nil || r.Op == "" {
		return
	}
	if l.ranges == nil {
		l.ranges = map[string][2]float64{}
	}
	rg, seen := l.ranges[r.Target]
	if !seen {
		rg = [2]float64{-l.reach[r.Target], l.reach[r.Target]}
	}
	lo, hi := rg[0], rg[1]
	a := float64(r.Amount) / 1e6
	switch r.Op {
	case assess.OpAdd:
		lo, hi = lo+a, hi+a
	case assess.OpMultiply:
		lo, hi = math.Min(lo*a, hi*a), math.Max(lo*a, hi*a)
	case assess.OpSet:
		lo, hi = a, a
	case assess.OpCap:
		lo, hi = math.Min(lo, a), math.Min(hi, a)
	case assess.OpFloor:
		lo, hi = math.Max(lo, a), math.Max(hi, a)
	}
	if r.If != nil {
		lo, hi = math.Min(lo, rg[0]), math.Max(hi, rg[1])
	}
	l.ranges[r.Target] = [2]float64{lo, hi}
	if most := math.Max(-lo, hi); most > maxDimensionPoints && math.Max(-rg[0], rg[1]) <= maxDimensionPoints {
		at.Problem("use a smaller amount, or cap the dimension before it",
			"after rule %s, dimension %s can reach %s points; a dimension holds at most %d", r.ID, r.Target, roughly(most), maxDimensionPoints)
	}
}
