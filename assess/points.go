package assess

import (
	"github.com/assay-dev/assay/assess/decimal"
)

// Scored reports whether the question's answers feed a dimension.
func (q *Question) Scored() bool { return q.Dimension != "" }

// context reports whether a question only gives context: no answer to it
// can be a gap, because no answer can make a finding. That is a scale,
// number or date with no severity, whose points may feed a dimension (an
// inherent risk, an impact), and a choice whose every option shows no
// gap, such as what data a vendor will hold. It shows "answered", never
// met, gap or partial.
func (q *Question) context() bool {
	switch q.Type {
	case TypeScale, TypeNumber, TypeDate:
		return q.Severity == SeverityNone
	case TypeControl, TypeSingle, TypeMulti:
		return q.choicesShowNoGap()
	}
	return false
}

// choicesShowNoGap reports whether no answer to a choice question can
// show a gap: every option says gap: none, or those that leave the gap to
// the points all score the same (as a question that feeds no dimension
// does), so the points cannot tell a better answer from a worse one.
func (q *Question) choicesShowNoGap() bool {
	byPoints := false
	for _, o := range q.Options {
		switch {
		case o.NA || o.Gap == GapNone:
		case o.Gap == GapAuto:
			byPoints = true
		default:
			return false
		}
	}
	if !byPoints {
		return true
	}
	lo, hi := q.PointRange()
	return lo == hi
}

// Context reports whether the question only describes the situation
// (free text, a number or date, an answer that classifies) and so can
// never show that a control is met or not: coverage counts a control
// behind it alone as "context only". Rated risks are not context: a risk
// above what is acceptable is a finding.
func (q *Question) Context() bool {
	return q.Type == TypeText || q.unscoredContext() || q.context()
}

// unscoredContext reports a number without bands or a date without age
// bands: conditions can read it, but it has no points at all.
func (q *Question) unscoredContext() bool {
	return (q.Type == TypeNumber && len(q.Bands) == 0) || (q.Type == TypeDate && len(q.AgeBands) == 0)
}

// PointRange returns the fewest and most points (unweighted) an answer that
// is not N/A can earn.
func (q *Question) PointRange() (lo, hi decimal.Decimal) {
	switch q.Type {
	case TypeControl, TypeSingle:
		first := true
		for _, o := range q.Options {
			if o.NA {
				continue
			}
			if first || o.Points < lo {
				lo = o.Points
			}
			if first || o.Points > hi {
				hi = o.Points
			}
			first = false
		}
	case TypeMulti:
		lo, hi = multiRange(q.Options)
		if q.MaxPoints != nil {
			lo, hi = decimal.Min(lo, *q.MaxPoints), decimal.Min(hi, *q.MaxPoints)
		}
		return lo, hi
	case TypeScale:
		if len(q.Scale.Points) == 0 {
			return decimal.FromInt(int64(q.Scale.From)), decimal.FromInt(int64(q.Scale.To))
		}
		lo, hi = q.Scale.Points[0], q.Scale.Points[0]
		for _, p := range q.Scale.Points {
			lo, hi = decimal.Min(lo, p), decimal.Max(hi, p)
		}
	case TypeNumber:
		for i, b := range q.Bands {
			if i == 0 || b.Points < lo {
				lo = b.Points
			}
			if i == 0 || b.Points > hi {
				hi = b.Points
			}
		}
	case TypeDate:
		for i, b := range q.AgeBands {
			if i == 0 || b.Points < lo {
				lo = b.Points
			}
			if i == 0 || b.Points > hi {
				hi = b.Points
			}
		}
	}
	return lo, hi
}

// multiRange: a multiple-choice answer is one exclusive option alone, or
// any non-empty set of the others, whose points add up; the options of a
// group count once, as the most points among those ticked, so a group
// adds at most its highest option and at least its lowest.
func multiRange(opts []*Option) (lo, hi decimal.Decimal) {
	var sumPos, sumNeg decimal.Decimal
	var minOne, maxOne decimal.Decimal
	first, any := true, false
	consider := func(p decimal.Decimal) {
		if first {
			lo, hi, first = p, p, false
			return
		}
		lo, hi = decimal.Min(lo, p), decimal.Max(hi, p)
	}
	for _, u := range countedOnce(opts) {
		if !any {
			minOne, maxOne, any = u.lo, u.hi, true
		}
		minOne, maxOne = decimal.Min(minOne, u.lo), decimal.Max(maxOne, u.hi)
		if u.hi > 0 {
			sumPos += u.hi
		}
		if u.lo < 0 {
			sumNeg += u.lo
		}
	}
	for _, o := range opts {
		if o.Exclusive && !o.NA {
			consider(o.Points)
		}
	}
	if any {
		low, high := minOne, maxOne
		if sumNeg < 0 {
			low = sumNeg
		}
		if sumPos > 0 {
			high = sumPos
		}
		consider(low)
		consider(high)
	}
	return lo, hi
}

// pointsOf scores a non-empty, valid value (unweighted). na reports an
// answer that takes the question out of the score.
func (q *Question) pointsOf(v Value, asOf Date) (pts decimal.Decimal, na bool) {
	switch q.Type {
	case TypeControl, TypeSingle:
		o := q.Option(v.Choices[0])
		if o == nil {
			return 0, true
		}
		return o.Points, o.NA
	case TypeMulti:
		most := map[string]decimal.Decimal{} // by group: the most points ticked
		for _, c := range v.Choices {
			o := q.Option(c)
			if o == nil || o.NA {
				return 0, true
			}
			if o.Group == "" {
				pts += o.Points
			} else if p, ok := most[o.Group]; !ok || o.Points > p {
				most[o.Group] = o.Points
			}
		}
		for _, p := range most {
			pts += p
		}
		if q.MaxPoints != nil {
			pts = decimal.Min(pts, *q.MaxPoints)
		}
		return pts, false
	case TypeScale:
		n := *v.Number
		if len(q.Scale.Points) == 0 {
			return n, false
		}
		i := int((n - decimal.FromInt(int64(q.Scale.From))).Int())
		if i < 0 || i >= len(q.Scale.Points) {
			return 0, true
		}
		return q.Scale.Points[i], false
	case TypeNumber, TypeDate:
		if pts, _, ok := q.band(v, asOf); ok {
			return pts, false
		}
	}
	return 0, true
}

// band finds the band a number or date answer falls in: its points and
// its label. ok is false for other types and for an answer no band takes.
func (q *Question) band(v Value, asOf Date) (pts decimal.Decimal, label string, ok bool) {
	switch q.Type {
	case TypeNumber:
		for _, b := range q.Bands {
			if b.UpTo == nil || *v.Number <= *b.UpTo {
				return b.Points, b.Label, true
			}
		}
	case TypeDate:
		days := v.Date.DaysUntil(asOf) // its age on the assessment date
		if q.Until {
			days = asOf.DaysUntil(v.Date) // days left until it
		}
		for _, b := range q.AgeBands {
			if b.WithinDays == nil || days <= *b.WithinDays {
				return b.Points, b.Label, true
			}
		}
	}
	return 0, "", false
}

// DisplayOn is Display with the label of the band a number or date answer
// falls in on the assessment date asOf ("2025-06-01 (expired)"): the value
// alone does not say what its points mean.
func (q *Question) DisplayOn(v Value, m *RiskMatrix, asOf Date) string {
	shown := q.Display(v, m)
	if shown == "" {
		return ""
	}
	if _, label, ok := q.band(v, asOf); ok && label != "" {
		return shown + " (" + label + ")"
	}
	return shown
}

// gapOf says whether an answer with these points shows a gap. An option's
// explicit gap wins; otherwise the best possible points are no gap, the
// worst a full gap, and anything between a partial one.
func (q *Question) gapOf(v Value, pts decimal.Decimal, dir Direction) GapKind {
	if q.Type == TypeControl || q.Type == TypeSingle {
		if o := q.Option(v.Choices[0]); o != nil && o.Gap != GapAuto {
			return o.Gap
		}
	}
	if q.Type == TypeMulti {
		explicit := GapAuto
		for _, c := range v.Choices {
			if o := q.Option(c); o != nil && o.Gap != GapAuto && rankGap(o.Gap) > rankGap(explicit) {
				explicit = o.Gap
			}
		}
		if explicit != GapAuto {
			return explicit
		}
	}
	lo, hi := q.PointRange()
	best, worst := lo, hi
	if dir == HigherBetter {
		best, worst = hi, lo
	}
	switch {
	case pts == best || lo == hi:
		return GapNone
	case pts == worst:
		return GapFull
	}
	return GapPartial
}

func rankGap(g GapKind) int {
	switch g {
	case GapNone:
		return 1
	case GapPartial:
		return 2
	case GapFull:
		return 3
	}
	return 0
}

// optionSeverity is the severity an explicit option asks for, if any.
func (q *Question) optionSeverity(v Value) Severity {
	s := SeverityNone
	for _, c := range v.Choices {
		if o := q.Option(c); o != nil && o.Severity > s {
			s = o.Severity
		}
	}
	return s
}

// FullMaximum is the most a dimension can score whatever the answers: every
// question that feeds it, hidden or not, at its highest points × weight.
// It is the base of a dimension whose percentages are of the full maximum.
func (q *Questionnaire) FullMaximum(dim string) decimal.Decimal {
	var sum decimal.Decimal
	for _, qq := range q.Questions {
		if qq.Dimension != dim || qq.Type == TypeText || qq.Type == TypeRisk || qq.unscoredContext() {
			continue
		}
		_, hi := qq.PointRange()
		sum += hi.Mul(qq.Weight)
	}
	return sum
}
