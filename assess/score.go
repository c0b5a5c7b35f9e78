package assess

import (
	"fmt"
	"slices"

	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
)

// Score applies a questionnaire's scoring to a set of answers on a date
// (the assessment date: dates in answers are aged against it).
//
// The order is fixed and shown in explanations: which questions are
// visible; each visible question's points (unanswered counts as worst, N/A
// drops out of the maximum); dimension totals; rules, in file order; levels;
// the risk register; findings; pre-screen recommendations; answers that
// disagree (consistency checks), which change none of the numbers.
func Score(q *Questionnaire, answers Answers, asOf Date) *Result {
	s := newScorer(q, answers, asOf)
	s.res = &Result{
		ScoringVersion:       ScoringVersion,
		QuestionnaireID:      q.ID,
		QuestionnaireVersion: q.Version,
		Digest:               q.Digest,
		AsOf:                 asOf,
		Questions:            make([]QuestionResult, len(q.Questions)),
		Findings:             []Finding{},
		Unanswered:           []string{},
		HiddenAnswered:       []string{},
	}
	s.questions()
	s.knockOuts()
	s.dimensions()
	s.rules()
	s.levels()
	s.risks()
	s.findings()
	s.recommendations()
	s.disagreements()
	s.res.Complete = len(s.res.Unanswered) == 0
	if !s.res.Complete && !s.bestCase && len(q.Levels) > 0 {
		settle(s.res, q, answers, asOf)
	}
	return s.res
}

func newScorer(q *Questionnaire, answers Answers, asOf Date) *scorer {
	return &scorer{q: q, answers: answers, asOf: asOf, env: &valueEnv{q: q, answers: answers, shown: make([]bool, len(q.Questions))}}
}

type scorer struct {
	q       *Questionnaire
	answers Answers
	asOf    Date
	env     *valueEnv
	res     *Result
	dims    map[string]*DimensionResult
	floors  map[string][]FloorResult // knock-outs that hold, by level
	// bestCase counts unanswered questions as the best answer instead
	// of the worst: see settle.
	bestCase bool
}

// valueEnv shows conditions the answers of visible questions only: an
// answer to a hidden question is kept but never seen, never counted.
// shown[i] is set once question i is known to be visible and answered;
// conditions only look at earlier questions, so it is always known by
// the time a condition asks.
type valueEnv struct {
	q       *Questionnaire
	answers Answers
	shown   []bool
}

func (e *valueEnv) Value(i int) condition.Value {
	if !e.shown[i] {
		return condition.Value{}
	}
	qq := e.q.Questions[i]
	return qq.conditionValue(e.answers[qq.ID].Value)
}

func (s *scorer) questions() {
	for _, sec := range s.q.Sections {
		secVisible := sec.When.Eval(s.env)
		sr := SectionResult{ID: sec.ID, Title: sec.Title, Visible: secVisible}
		for _, qq := range sec.Questions {
			r := s.question(qq, secVisible)
			s.res.Questions[qq.Index] = r
			if !r.Visible {
				continue
			}
			sr.Total++
			if r.Answered {
				sr.Answered++
			}
			if r.Counts() {
				i := slices.IndexFunc(sr.Dimensions, func(d SectionDim) bool { return d.Dimension == r.Dimension })
				if i < 0 {
					i = len(sr.Dimensions)
					sr.Dimensions = append(sr.Dimensions, SectionDim{Dimension: r.Dimension})
				}
				sr.Dimensions[i].Points += r.Points
				sr.Dimensions[i].Max += r.Max
			}
		}
		s.res.Total += sr.Total
		s.res.Answered += sr.Answered
		s.res.Sections = append(s.res.Sections, sr)
	}
}

func (s *scorer) question(qq *Question, sectionVisible bool) QuestionResult {
	a, has := s.answers[qq.ID]
	answered := has && a.Answered()
	r := QuestionResult{ID: qq.ID, Dimension: qq.Dimension, Weight: qq.Weight, Answered: answered}
	r.Visible = sectionVisible && qq.When.Eval(s.env)
	if answered {
		r.Answer = qq.DisplayOn(a.Value, s.q.RiskMatrix, s.asOf)
	}
	if !r.Visible {
		r.Status = StatusHidden
		if answered {
			s.res.HiddenAnswered = append(s.res.HiddenAnswered, qq.ID)
			r.Why = "hidden by its condition: the answer is kept but not counted"
		}
		return r
	}
	if answered {
		s.env.shown[qq.Index] = true
	}
	r.Required = qq.Required(s.env)
	if !answered && r.Required {
		s.res.Unanswered = append(s.res.Unanswered, qq.ID)
	}
	dir := s.direction(qq.Dimension)
	lo, hi := qq.PointRange()
	worst := hi
	if dir == HigherBetter {
		worst = lo
	}
	if s.bestCase {
		worst = lo + hi - worst // the other end of the range
	}
	switch {
	case qq.Type == TypeText || qq.Type == TypeRisk:
		r.Status = StatusInfo
		if !answered {
			r.Status = StatusUnanswered
		}
		r.Dimension = "" // never scored
		return r
	case !answered:
		r.Status = StatusUnanswered
		if qq.Scored() && r.Required {
			r.Points, r.Max = worst.Mul(qq.Weight), hi.Mul(qq.Weight)
			r.Why = "unanswered: counted as the worst answer"
		} else if qq.Scored() {
			r.Dimension = "" // an optional question left empty does not count
		}
		return r
	}
	if qq.unscoredContext() {
		r.Status = StatusInfo // a number without bands, a date without age bands
		return r
	}
	pts, na := qq.pointsOf(a.Value, s.asOf)
	if na {
		r.Status = StatusNA
		r.Why = "not applicable: left out of the score and its maximum"
		return r
	}
	if qq.Scored() {
		r.Points, r.Max = pts.Mul(qq.Weight), hi.Mul(qq.Weight)
		unit := " points × weight "
		if pts.String() == "1" {
			unit = " point × weight "
		}
		r.Why = pts.String() + unit + qq.Weight.String()
		if once := qq.countedOnceWords(a.Value); once != "" {
			r.Why += "; " + once
		}
	}
	if qq.context() {
		r.Status = StatusInfo
		return r
	}
	switch qq.gapOf(a.Value, pts, dir) {
	case GapFull:
		r.Status = StatusGap
	case GapPartial:
		r.Status = StatusPartial
	default:
		r.Status = StatusMet
	}
	return r
}

func (s *scorer) direction(dim string) Direction {
	if d, ok := s.q.Dimension(dim); ok && d.Higher == HigherBetter {
		return HigherBetter
	}
	return HigherWorse
}

func (s *scorer) dimensions() {
	s.dims = map[string]*DimensionResult{}
	for _, d := range s.q.Dimensions {
		dr := &DimensionResult{ID: d.ID, Title: d.Title, Higher: d.Higher}
		s.dims[d.ID] = dr
		s.res.Dimensions = append(s.res.Dimensions, dr)
	}
	for i, r := range s.res.Questions {
		if !r.Counts() {
			continue
		}
		dr := s.dims[r.Dimension]
		if dr == nil {
			continue
		}
		lo, _ := s.q.Questions[i].PointRange()
		dr.Raw += r.Points
		dr.Max += r.Max
		dr.Min += lo.Mul(r.Weight)
		dr.Questions = append(dr.Questions, i)
	}
	for _, d := range s.q.Dimensions {
		dr := s.dims[d.ID]
		dr.Value = dr.Raw
		dr.PercentOf, dr.Base = s.percentBase(d, dr)
		dr.Percent = dr.Value.Percent(dr.Base, 1)
	}
}

// percentBase is what the dimension's percentages are shares of.
func (s *scorer) percentBase(d *Dimension, dr *DimensionResult) (PercentBase, decimal.Decimal) {
	switch d.PercentOf {
	case PercentOfFull:
		return PercentOfFull, s.q.FullMaximum(d.ID)
	case PercentOfDeclared:
		return PercentOfDeclared, d.Declared
	}
	return PercentOfCounted, dr.Max
}

func (s *scorer) rules() {
	for _, rule := range s.q.Rules {
		dr := s.dims[rule.Target]
		rr := RuleResult{ID: rule.ID, Title: rule.Title, Target: rule.Target, Before: dr.Value, After: dr.Value}
		holds, why, na := true, "applies always", false
		if rule.If != nil {
			holds, why, na = s.holds(rule.If)
		}
		rr.Why, rr.NotApplicable = why, na
		if holds {
			rr.Applied = true
			dr.Value = applyRule(rule, dr.Value)
			dr.Percent = dr.Value.Percent(dr.Base, 1)
			rr.After = dr.Value
		}
		s.res.Rules = append(s.res.Rules, rr)
	}
}

func applyRule(rule *Rule, v decimal.Decimal) decimal.Decimal {
	places, mode := decimal.Places, decimal.HalfUp
	if rule.Round != nil {
		places, mode = rule.Round.Places, rule.Round.Mode
	}
	switch rule.Op {
	case OpMultiply:
		return v.MulRound(rule.Amount, places, mode)
	case OpAdd:
		v += rule.Amount
	case OpSet:
		v = rule.Amount
	case OpCap:
		v = decimal.Min(v, rule.Amount)
	case OpFloor:
		v = decimal.Max(v, rule.Amount)
	}
	return v.Round(places, mode)
}

// holds evaluates a rule condition and says why, in words. A condition on
// a dimension where no question counts is not applicable (na): it does not
// hold, since "0 of 0" is neither at least 80% nor below it.
func (s *scorer) holds(c *RuleCondition) (ok bool, why string, na bool) {
	if c.Level != "" {
		ok, why := s.levelHolds(c)
		return ok, why, false
	}
	dr := s.dims[c.Dimension]
	if dr.Empty() {
		return false, fmt.Sprintf("%s has no question that counts (maximum 0): not applicable", dr.Title), true
	}
	ok = c.Cmp.test(compareBound(dr.Value, c.Threshold, dr.Base))
	return ok, fmt.Sprintf("%s is %s of %s (%s%%); the condition is %s %s: %s",
		dr.Title, dr.Value, dr.Base, dr.Percent, cmpWords(c.Cmp), boundText(c.Threshold, dr.Base), yesNo(ok)), false
}

// levelHolds compares a level's position with a step of its scale.
func (s *scorer) levelHolds(c *RuleCondition) (bool, string) {
	lr := s.level(c.Level)
	def, _ := s.q.Level(c.Level)
	want := slices.Index(def.Scale, c.LevelName)
	if lr.Rank < 0 {
		// No level (nothing rated yet, or no band covers the value):
		// like a condition on an unanswered question, never true.
		return false, fmt.Sprintf("%s is %s; the condition is %s %s: no", def.Title, lr.Name(), cmpWords(c.Cmp), c.LevelName)
	}
	ok := c.Cmp.test(lr.Rank - want)
	return ok, fmt.Sprintf("%s is %s; the condition is %s %s: %s", def.Title, lr.Level, cmpWords(c.Cmp), c.LevelName, yesNo(ok))
}

// test reads a comparison's sign (negative: less, zero: equal, positive:
// more) through the comparator.
func (c Comparator) test(cmp int) bool {
	switch c {
	case AtLeast:
		return cmp >= 0
	case Above:
		return cmp > 0
	case AtMost:
		return cmp <= 0
	case Below:
		return cmp < 0
	}
	return cmp == 0
}

// compareBound compares v with a bound that may be a percentage of max.
func compareBound(v decimal.Decimal, b Bound, max decimal.Decimal) int {
	if b.Percent {
		return v.CmpFraction(int64(b.Value), int64(decimal.FromInt(100)), max)
	}
	switch {
	case v < b.Value:
		return -1
	case v > b.Value:
		return 1
	}
	return 0
}

func boundText(b Bound, max decimal.Decimal) string {
	if b.Percent {
		return fmt.Sprintf("%s%% of %s", b.Value, max)
	}
	return b.Value.String()
}

func cmpWords(c Comparator) string {
	switch c {
	case AtLeast:
		return "at least"
	case Above:
		return "above"
	case AtMost:
		return "at most"
	case Below:
		return "below"
	}
	return "equal to"
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "no"
}
