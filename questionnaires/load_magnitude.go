package questionnaires

import (
	"math"
	"strconv"

	"github.com/assay-dev/assay/assess"
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
