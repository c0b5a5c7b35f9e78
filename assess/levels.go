package assess

import (
	"fmt"
	"slices"
)

func (s *scorer) levels() {
	for _, def := range s.q.Levels {
		s.res.Levels = append(s.res.Levels, s.level(def.ID))
	}
	if s.q.Outcome != "" {
		for i := range s.res.Levels {
			if s.res.Levels[i].ID == s.q.Outcome {
				s.res.Outcome = &s.res.Levels[i]
			}
		}
	}
}

// level computes a level from the current dimension values. Rules may ask
// for a level before the final levels are computed, so this is a function
// of the state rather than a lookup.
func (s *scorer) level(id string) LevelResult {
	def, _ := s.q.Level(id)
	lr := LevelResult{ID: def.ID, Title: def.Title, Of: len(def.Scale), Rank: -1}
	switch {
	case def.Matrix != nil:
		row, col := s.level(def.Matrix.Rows), s.level(def.Matrix.Cols)
		if row.Rank >= 0 && col.Rank >= 0 {
			lr.Level = def.Matrix.Cells[row.Rank][col.Rank]
		}
		lr.NotRated = lr.Level == "" && (row.NotRated || col.NotRated)
		lr.NotApplicable = lr.Level == "" && !lr.NotRated && (row.NotApplicable || col.NotApplicable)
		lr.Why = fmt.Sprintf("%s %s × %s %s in the %s matrix", row.Title, row.Name(), col.Title, col.Name(), def.Title)
	case def.FromRisks != "":
		lr.Level, lr.Why = s.riskLevel(def)
		lr.NotRated = lr.Level == ""
	default:
		lr.Level, lr.Why = s.bandLevel(def)
		lr.NotApplicable = lr.Level == "" && s.dims[def.Dimension].Empty()
	}
	lr.Rank = slices.Index(def.Scale, lr.Level)
	s.applyFloors(def, &lr)
	lr.Meaning = def.Meanings[lr.Level]
	return lr
}

// bandLevel finds the band the dimension's value falls in. A dimension
// where no question counts has no level: "0 of 0" is neither low nor high.
func (s *scorer) bandLevel(def *LevelDef) (string, string) {
	dr := s.dims[def.Dimension]
	if dr.Empty() {
		return "", fmt.Sprintf("not applicable: no question counts in %s (maximum 0)", dr.Title)
	}
	base := dr
	if def.RelativeTo != "" {
		base = s.dims[def.RelativeTo]
	}
	for _, b := range def.Bands {
		if b.Lower != nil {
			c := compareBound(dr.Value, *b.Lower, base.Base)
			if c < 0 || (c == 0 && !b.Lower.Inclusive) {
				continue
			}
		}
		if b.Upper != nil {
			c := compareBound(dr.Value, *b.Upper, base.Base)
			if c > 0 || (c == 0 && !b.Upper.Inclusive) {
				continue
			}
		}
		return b.Level, fmt.Sprintf("%s scores %s of a possible %s (%s%%), in the band %s", dr.Title, dr.Value, base.Base, dr.Value.Percent(base.Base, 1), bandText(b, base.Base))
	}
	return "", fmt.Sprintf("%s is %s: no band covers it", dr.Title, dr.Value)
}

func bandText(b *Band, max interface{ String() string }) string {
	lower, upper := "", ""
	if b.Lower != nil {
		op := "above"
		if b.Lower.Inclusive {
			op = "from"
		}
		lower = op + " " + boundWords(*b.Lower)
	}
	if b.Upper != nil {
		op := "below"
		if b.Upper.Inclusive {
			op = "up to"
		}
		upper = op + " " + boundWords(*b.Upper)
	}
	switch {
	case lower != "" && upper != "":
		return lower + " and " + upper
	case lower != "":
		return lower
	case upper != "":
		return upper
	}
	return "that covers every score"
}

// boundWords names a band's bound with its unit: a bound in points read
// bare beside the share in brackets ("6 of a possible 20 (30%), in the
// band above 5") as if it were 5 per cent.
func boundWords(b Bound) string {
	if b.Percent {
		return b.Value.String() + "%"
	}
	if v := b.Value.String(); v == "1" {
		return v + " point"
	}
	return b.Value.String() + " points"
}

// riskLevel is the highest level among the register's risks. A risk the
// result needs but nobody has rated counts as its worst rating, the
// matrix's highest cell, as any unanswered required question counts as
// its worst answer (and as its best, the lowest cell, in the best case),
// so that a register with its main risk unrated never reads as settled
// and low. With no such risk and none rated there is no level at all:
// showing the lowest step would tell a committee the register is fine when
// nobody has looked at it yet.
func (s *scorer) riskLevel(def *LevelDef) (string, string) {
	worst, which, unrated := SeverityNone, "", false
	for _, rr := range s.riskResults() {
		lvl := rr.Current
		if def.FromRisks == Initial && rr.Initial != nil {
			lvl = rr.Initial.Level
		}
		qq, _ := s.q.Question(rr.QuestionID)
		if rr.Initial == nil && s.res.Questions[qq.Index].Required {
			lvl = s.q.RiskMatrix.highest()
			if s.bestCase {
				lvl = s.q.RiskMatrix.lowest()
			}
		}
		if lvl > worst {
			worst, which, unrated = lvl, rr.Title, rr.Initial == nil
		}
	}
	if worst == SeverityNone {
		return "", "not rated: no risk has been rated yet"
	}
	if unrated {
		return worst.String(), fmt.Sprintf("%s is not rated yet: counted as its worst rating, %s", quoted(which), worst)
	}
	phase := "after planned measures"
	if def.FromRisks == Initial {
		phase = "as found"
	}
	return worst.String(), fmt.Sprintf("the highest risk %s is %s at %s", phase, quoted(which), worst)
}
