package questionnaires

import (
	"fmt"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// defaultDimension is used when a file declares none: one risk score where
// more points are worse.
func defaultDimension() *assess.Dimension {
	return &assess.Dimension{ID: "risk", Title: "Risk", Higher: assess.HigherWorse, PercentOf: assess.PercentOfCounted}
}

func (l *loader) dimensions(v yamlx.Value) {
	if !v.Exists() {
		l.q.Dimensions = []*assess.Dimension{defaultDimension()}
		return
	}
	twins := newCaseTwins("dimension id", "defined", "give each dimension an ID no other has, in any case")
	for _, dv := range v.List() {
		f := dv.Map("id", "title", "description", "higher", "percent_of")
		idv := f.Required("id", "")
		d := &assess.Dimension{ID: l.id(idv), Title: f.Get("title").Str(), Description: f.Get("description").Str()}
		l.percentOf(d, f.Get("percent_of"))
		if d.Title == "" {
			d.Title = d.ID
		}
		d.Higher = assess.Direction(f.Required("higher", "worse (risk, impact) or better (mitigation, control strength)").OneOf("worse", "better"))
		if _, dup := l.q.Dimension(d.ID); dup {
			dv.Problem("", "duplicate dimension id %q", d.ID)
		} else {
			// Questions, levels and rules name a dimension exactly, so
			// Risk meant as risk would score in the other without a word.
			l.checkCaseTwin(twins, idv, d.ID)
		}
		l.q.Dimensions = append(l.q.Dimensions, d)
	}
	if len(l.q.Dimensions) == 0 {
		v.Problem("or leave dimensions out for a single risk score", "dimensions is empty")
	}
}

// percentOf reads a dimension's percent_of: counted (the default), full,
// or a number, the declared maximum.
func (l *loader) percentOf(d *assess.Dimension, v yamlx.Value) {
	d.PercentOf = assess.PercentOfCounted
	if !v.Exists() {
		return
	}
	switch s := strings.TrimSpace(v.Str()); s {
	case string(assess.PercentOfCounted), string(assess.PercentOfFull):
		d.PercentOf = assess.PercentBase(s)
	default:
		n, err := decimal.Parse(s, pointPlaces)
		if err != nil || n <= 0 {
			v.Problem("counted (the questions that count), full (every question of the file) or a declared maximum such as 169", "percent_of is %q", s)
			return
		}
		d.PercentOf, d.Declared = assess.PercentOfDeclared, n
	}
}

// checkFullMaxima: a dimension whose percentages are of the full maximum
// needs a question that feeds it, or every percentage would be of 0.
func (l *loader) checkFullMaxima(v yamlx.Value) {
	for i, d := range l.q.Dimensions {
		if d.PercentOf == assess.PercentOfFull && l.q.FullMaximum(d.ID) == 0 {
			at := v
			if items := v.List(); i < len(items) {
				at = items[i].Map("id", "title", "description", "higher", "percent_of").Get("percent_of")
			}
			at.Problem("feed it from a scored question, or use percent_of: counted", "dimension %s has percent_of: full, but no question can score in it", d.ID)
		}
	}
}

func (l *loader) riskMatrix(v yamlx.Value) {
	if !v.Exists() {
		return
	}
	f := v.Map("likelihood", "impact", "cells", "acceptable")
	m := &assess.RiskMatrix{Likelihood: f.Required("likelihood", "").StrList(), Impact: f.Required("impact", "").StrList()}
	for _, axis := range []struct {
		name  string
		scale []string
	}{{"likelihood", m.Likelihood}, {"impact", m.Impact}} {
		if n := len(axis.scale); n != 0 && (n < 3 || n > 6) {
			f.Get(axis.name).Problem("4 or 5 is usual", "%s has %d steps; use 3 to 6", axis.name, n)
		}
	}
	rows := f.Required("cells", "one row per likelihood, lowest first; one level per impact").List()
	if f.Has("cells") && len(rows) != len(m.Likelihood) {
		f.Get("cells").Problem("", "cells has %d rows but likelihood has %d steps", len(rows), len(m.Likelihood))
	}
	for _, rv := range rows {
		cols := rv.List()
		if rv.IsList() && len(cols) != len(m.Impact) {
			rv.Problem("", "this row has %d cells but impact has %d steps", len(cols), len(m.Impact))
		}
		var row []assess.Severity
		for _, cv := range cols {
			sev, err := assess.ParseSeverity(cv.Str())
			if err != nil {
				cv.Problem("", "%v", err)
			}
			row = append(row, sev)
		}
		m.Cells = append(m.Cells, row)
	}
	m.Acceptable = assess.Low
	if av := f.Get("acceptable"); av.Exists() {
		sev, err := assess.ParseSeverity(av.Str())
		if err != nil {
			av.Problem("", "%v", err)
		}
		m.Acceptable = sev
	}
	l.q.RiskMatrix = m
}

var levelFields = []string{"id", "title", "scale", "meanings", "dimension", "relative_to", "bands", "matrix", "from_risks"}

func (l *loader) levels(v yamlx.Value) {
	items := v.List()
	levelTwins := newCaseTwins("level id", "defined", "give each level an ID no other has, in any case")
	l.allLevels = map[string]bool{}
	for _, lv := range items {
		if lv.IsMap() {
			l.allLevels[lv.Map(levelFields...).Get("id").Str()] = true
		}
	}
	for _, lv := range items {
		f := lv.Map(levelFields...)
		idv := f.Required("id", "")
		def := &assess.LevelDef{ID: l.id(idv), Title: f.Get("title").Str(), Scale: f.Get("scale").StrList()}
		if def.Title == "" {
			def.Title = def.ID
		}
		if _, dup := l.q.Level(def.ID); dup {
			lv.Problem("", "duplicate level id %q", def.ID)
		} else {
			// Matrices, knock-outs, finding_if and outcome name a level
			// exactly, so Tier meant as tier would read the other.
			l.checkCaseTwin(levelTwins, idv, def.ID)
		}
		kinds := 0
		for _, k := range []string{"bands", "matrix", "from_risks"} {
			if f.Has(k) {
				kinds++
			}
		}
		if kinds != 1 {
			lv.Problem("", "a level needs exactly one of bands (with dimension), matrix or from_risks")
		}
		switch {
		case f.Has("bands"):
			l.bandLevel(def, f)
		case f.Has("matrix"):
			l.matrixLevel(def, f.Get("matrix"), f.Get("scale"))
		case f.Has("from_risks"):
			l.riskLevel(def, f.Get("from_risks"))
		}
		l.meanings(def, f.Get("meanings"))
		if len(def.Scale) != len(uniq(def.Scale)) {
			f.Get("scale").Problem("", "the scale names a level twice")
		}
		l.q.Levels = append(l.q.Levels, def)
	}
}

func (l *loader) meanings(def *assess.LevelDef, v yamlx.Value) {
	def.Meanings = map[string]string{}
	for _, e := range v.Entries() {
		if !slices.Contains(def.Scale, e.Key) {
			e.KeyValue.Problem(yamlx.Suggest(e.Key, def.Scale), "%q is not a level of %s (%s)", e.Key, def.ID, strings.Join(def.Scale, ", "))
			continue
		}
		def.Meanings[e.Key] = e.Value.Str()
	}
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (l *loader) bandLevel(def *assess.LevelDef, f yamlx.Fields) {
	dv := f.Required("dimension", "the dimension the bands measure")
	def.Dimension = dv.Str()
	if _, ok := l.q.Dimension(def.Dimension); def.Dimension != "" && !ok {
		dv.Problem(yamlx.Suggest(def.Dimension, l.dimensionIDs()), "unknown dimension %q", def.Dimension)
	}
	if rv := f.Get("relative_to"); rv.Exists() {
		def.RelativeTo = rv.Str()
		if _, ok := l.q.Dimension(def.RelativeTo); !ok {
			rv.Problem(yamlx.Suggest(def.RelativeTo, l.dimensionIDs()), "unknown dimension %q", def.RelativeTo)
		}
	}
	items := f.Get("bands").List()
	var names []string
	for _, bv := range items {
		bf := bv.Map("level", "over", "from", "upto", "below")
		b := &assess.Band{Level: bf.Required("level", "").Str()}
		b.Lower = l.bound(bf, "over", "from")
		b.Upper = l.bound(bf, "below", "upto")
		def.Bands = append(def.Bands, b)
		names = append(names, b.Level)
	}
	if len(def.Scale) == 0 {
		def.Scale = uniq(names)
	}
	for i, b := range def.Bands {
		if b.Level != "" && !slices.Contains(def.Scale, b.Level) {
			items[i].Problem(yamlx.Suggest(b.Level, def.Scale), "band level %q is not in the scale (%s)", b.Level, strings.Join(def.Scale, ", "))
		}
	}
	l.checkBands(def, items)
}

// bound reads one end of a band: exclusive and inclusive keys are
// alternatives (over/from for the lower end, below/upto for the upper).
func (l *loader) bound(f yamlx.Fields, exclusive, inclusive string) *assess.Bound {
	if f.Has(exclusive) && f.Has(inclusive) {
		f.Get(inclusive).Problem("", "use %s or %s, not both", exclusive, inclusive)
	}
	key, incl := exclusive, false
	if f.Has(inclusive) {
		key, incl = inclusive, true
	}
	v := f.Get(key)
	if !v.Exists() {
		return nil
	}
	b := l.boundValue(v)
	b.Inclusive = incl
	return &b
}

// boundValue reads "25%" as a percentage of the maximum, "12" as points.
func (l *loader) boundValue(v yamlx.Value) assess.Bound {
	s := strings.TrimSpace(v.Str())
	if num, ok := strings.CutSuffix(s, "%"); ok {
		d, err := decimal.Parse(strings.TrimSpace(num), pointPlaces)
		if err != nil || d < 0 {
			v.Problem("", "expected a percentage such as 25%%, found %q", s)
		}
		return assess.Bound{Value: d, Percent: true}
	}
	d, err := decimal.Parse(s, pointPlaces)
	if err != nil {
		v.Problem("write points such as 12, or a share of the maximum such as 25%", "expected a number or a percentage, found %q", s)
	}
	return assess.Bound{Value: d}
}

// checkBands finds overlaps and gaps. Bands are listed from low to high
// scores; each band must start exactly where the previous one ends, with
// exactly one of the two including the boundary.
func (l *loader) checkBands(def *assess.LevelDef, items []yamlx.Value) {
	if len(def.Bands) == 0 {
		return
	}
	percent := -1
	for i, b := range def.Bands {
		for _, bd := range []*assess.Bound{b.Lower, b.Upper} {
			if bd == nil {
				continue
			}
			p := 0
			if bd.Percent {
				p = 1
			}
			if percent >= 0 && p != percent {
				items[i].Problem("write every bound of a level as points or every bound as a percentage", "bands mix points and percentages")
				return
			}
			percent = p
		}
	}
	lastIndex := len(def.Bands) - 1
	for i, b := range def.Bands {
		if b.Lower != nil && b.Upper != nil && (b.Lower.Value > b.Upper.Value || (b.Lower.Value == b.Upper.Value && !(b.Lower.Inclusive && b.Upper.Inclusive))) {
			items[i].Problem("a band runs from its lower bound (over or from) up to its upper bound (below or upto)", "band %q is empty: no score is %s %s and %s %s",
				b.Level, lowerWords(*b.Lower), boundText(*b.Lower), upperWords(*b.Upper), boundText(*b.Upper))
		}
		if i > 0 && b.Lower == nil {
			items[i].Problem("list bands from the lowest scores to the highest; give this band over: or from:", "only the first band may leave out its lower bound")
		}
		if i < lastIndex && b.Upper == nil {
			items[i].Problem("list bands from the lowest scores to the highest; give this band below: or upto:", "only the last band may leave out its upper bound")
		}
	}
	first, last := def.Bands[0], def.Bands[lastIndex]
	if first.Lower != nil && (first.Lower.Value > 0 || (first.Lower.Value == 0 && !first.Lower.Inclusive)) {
		items[0].Problem("start the first band with from: 0, or leave its lower bound out", "gap: scores below %s have no level", boundText(*first.Lower))
	}
	if last.Upper != nil {
		covered := last.Upper.Percent && (last.Upper.Value > decimal.FromInt(100) || (last.Upper.Value == decimal.FromInt(100) && last.Upper.Inclusive))
		if !covered {
			items[lastIndex].Problem("end the last band with upto: 100%, or leave its upper bound out", "gap: scores above %s have no level", boundText(*last.Upper))
		}
	}
	for i := 1; i < len(def.Bands); i++ {
		prev, cur := def.Bands[i-1], def.Bands[i]
		if prev.Upper == nil || cur.Lower == nil {
			continue // reported above
		}
		switch {
		case cur.Upper != nil && prev.Lower != nil && cur.Upper.Value <= prev.Lower.Value:
			items[i].Problem("list bands from the lowest scores to the highest", "band %q comes after band %q but covers lower scores", cur.Level, prev.Level)
		case cur.Lower.Value > prev.Upper.Value:
			items[i].Problem("", "gap: scores between %s and %s have no level", boundText(*prev.Upper), boundText(*cur.Lower))
		case cur.Lower.Value < prev.Upper.Value:
			items[i].Problem("", "band %q overlaps band %q between %s and %s", cur.Level, prev.Level, boundText(*cur.Lower), boundText(*prev.Upper))
		case cur.Lower.Inclusive && prev.Upper.Inclusive:
			items[i].Problem(fmt.Sprintf("use over: %s here, or below: in the previous band", boundText(*cur.Lower)), "band %q overlaps band %q at exactly %s", cur.Level, prev.Level, boundText(*cur.Lower))
		case !cur.Lower.Inclusive && !prev.Upper.Inclusive:
			items[i].Problem(fmt.Sprintf("use from: %s here, or upto: in the previous band", boundText(*cur.Lower)), "gap: a score of exactly %s has no level", boundText(*cur.Lower))
		}
	}
}

func lowerWords(b assess.Bound) string {
	if b.Inclusive {
		return "at least"
	}
	return "over"
}

func upperWords(b assess.Bound) string {
	if b.Inclusive {
		return "at most"
	}
	return "below"
}

func boundText(b assess.Bound) string {
	if b.Percent {
		return b.Value.String() + "%"
	}
	return b.Value.String()
}

func (l *loader) matrixLevel(def *assess.LevelDef, v, scaleV yamlx.Value) {
	f := v.Map("rows", "columns", "cells")
	m := &assess.LevelMatrix{Rows: f.Required("rows", "a level defined earlier").Str(), Cols: f.Required("columns", "a level defined earlier").Str()}
	if len(def.Scale) == 0 {
		scaleV.Problem("list the matrix's levels from least to most severe", "a matrix level needs a scale")
	}
	rowDef, colDef := l.earlierLevel(f.Get("rows"), m.Rows), l.earlierLevel(f.Get("columns"), m.Cols)
	rows := f.Required("cells", "").List()
	if rowDef != nil && f.Has("cells") && len(rows) != len(rowDef.Scale) {
		f.Get("cells").Problem("", "cells has %d rows but %s has %d levels (%s)", len(rows), rowDef.ID, len(rowDef.Scale), strings.Join(rowDef.Scale, ", "))
	}
	for _, rv := range rows {
		cells := rv.StrList()
		if colDef != nil && len(cells) != len(colDef.Scale) {
			rv.Problem("", "this row has %d cells but %s has %d levels (%s)", len(cells), colDef.ID, len(colDef.Scale), strings.Join(colDef.Scale, ", "))
		}
		for i, c := range cells {
			if len(def.Scale) > 0 && !slices.Contains(def.Scale, c) {
				at := rv
				if items := rv.List(); i < len(items) {
					at = items[i]
				}
				at.Problem(yamlx.Suggest(c, def.Scale), "%q is not in the scale (%s)", c, strings.Join(def.Scale, ", "))
			}
		}
		m.Cells = append(m.Cells, cells)
	}
	def.Matrix = m
}

// earlierLevel finds a level that a matrix or rule may depend on: only
// levels defined above it, so levels can never depend on themselves.
func (l *loader) earlierLevel(v yamlx.Value, id string) *assess.LevelDef {
	if id == "" {
		return nil
	}
	def, ok := l.q.Level(id)
	if !ok {
		if l.allLevels[id] {
			v.Problem("move it above, or swap them: a level can use only levels defined above it", "level %q is defined below this one", id)
			return nil
		}
		v.Problem(yamlx.Suggest(id, l.levelIDs()), "unknown level %q", id)
		return nil
	}
	return def
}

func (l *loader) levelIDs() []string {
	var ids []string
	for _, d := range l.q.Levels {
		ids = append(ids, d.ID)
	}
	return ids
}

func (l *loader) riskLevel(def *assess.LevelDef, v yamlx.Value) {
	def.FromRisks = assess.RiskPhase(v.OneOf(string(assess.Initial), string(assess.After)))
	if l.q.RiskMatrix == nil {
		v.Problem("add risk_matrix at the top of the file", "from_risks needs a risk_matrix")
		return
	}
	if len(def.Scale) == 0 {
		for _, s := range []assess.Severity{assess.Low, assess.Medium, assess.High, assess.Critical} {
			def.Scale = append(def.Scale, s.String())
		}
	}
	for _, name := range def.Scale {
		if _, err := assess.ParseSeverity(name); err != nil {
			v.Problem("a level from risks uses the risk matrix's levels", "scale entry %q is not low, medium, high or critical", name)
		}
	}
	// Every level the matrix can give must be on the scale, or the
	// register's highest risk would have no place on it.
	for _, row := range l.q.RiskMatrix.Cells {
		for _, sev := range row {
			if sev != assess.SeverityNone && !slices.Contains(def.Scale, sev.String()) {
				v.Problem("add it to the scale, or leave scale out to use low, medium, high and critical", "the risk matrix can give %s, which is not in the scale (%s)", sev, strings.Join(def.Scale, ", "))
				return
			}
		}
	}
}

func (l *loader) rules(v yamlx.Value) {
	seen := map[string]bool{}
	for _, rv := range v.List() {
		f := rv.Map("id", "title", "if", "adjust", "multiply", "add", "set", "cap", "floor", "round")
		r := &assess.Rule{ID: l.id(f.Required("id", "")), Title: f.Get("title").Str()}
		if seen[r.ID] {
			rv.Problem("", "duplicate rule id %q", r.ID)
		}
		seen[r.ID] = true
		tv := f.Required("adjust", "the dimension the rule changes")
		r.Target = tv.Str()
		if _, ok := l.q.Dimension(r.Target); r.Target != "" && !ok {
			tv.Problem(yamlx.Suggest(r.Target, l.dimensionIDs()), "unknown dimension %q", r.Target)
		}
		ops := 0
		for _, op := range []assess.RuleOp{assess.OpMultiply, assess.OpAdd, assess.OpSet, assess.OpCap, assess.OpFloor} {
			if f.Has(string(op)) {
				ops++
				r.Op = op
				r.Amount = f.Get(string(op)).Decimal(decimal.Places)
			}
		}
		if ops != 1 {
			rv.Problem("", "a rule needs exactly one of multiply, add, set, cap or floor")
		}
		r.Round = l.round(f.Get("round"))
		if c := f.Get("if"); c.Exists() {
			r.If = l.ruleCondition(c)
		}
		if ops == 1 {
			l.checkRuleReach(r, f.Get(string(r.Op)))
		}
		if r.Title == "" {
			r.Title = r.ID
		}
		l.q.Rules = append(l.q.Rules, r)
	}
}

func (l *loader) round(v yamlx.Value) *assess.RoundSpec {
	if !v.Exists() {
		return nil
	}
	modes := make([]string, len(decimal.Roundings))
	for i, m := range decimal.Roundings {
		modes[i] = string(m)
	}
	if v.IsScalar() {
		return &assess.RoundSpec{Mode: decimal.Rounding(v.OneOf(modes...))}
	}
	f := v.Map("mode", "places")
	rs := &assess.RoundSpec{Mode: decimal.Rounding(f.Required("mode", strings.Join(modes, ", ")).OneOf(modes...)), Places: f.Get("places").Int()}
	if rs.Places < 0 || rs.Places > decimal.Places {
		f.Get("places").Problem("", "places must be 0 to %d", decimal.Places)
	}
	return rs
}

var comparators = []assess.Comparator{assess.AtLeast, assess.Above, assess.AtMost, assess.Below, assess.Is}

// ruleCondition reads {dimension: X, at_least: 80%} or {level: L, is: high}.
func (l *loader) ruleCondition(v yamlx.Value) *assess.RuleCondition {
	keys := []string{"dimension", "level"}
	for _, c := range comparators {
		keys = append(keys, string(c))
	}
	f := v.Map(keys...)
	c := &assess.RuleCondition{}
	n := 0
	for _, cmp := range comparators {
		if f.Has(string(cmp)) {
			n++
			c.Cmp = cmp
		}
	}
	if n != 1 {
		v.Problem("", "a condition needs exactly one of at_least, above, at_most, below or is")
		return c
	}
	cv := f.Get(string(c.Cmp))
	switch {
	case f.Has("dimension") && !f.Has("level"):
		dv := f.Get("dimension")
		c.Dimension = dv.Str()
		if _, ok := l.q.Dimension(c.Dimension); !ok {
			dv.Problem(yamlx.Suggest(c.Dimension, l.dimensionIDs()), "unknown dimension %q", c.Dimension)
		}
		c.Threshold = l.boundValue(cv)
	case f.Has("level") && !f.Has("dimension"):
		lv := f.Get("level")
		c.Level = lv.Str()
		def := l.earlierLevel(lv, c.Level)
		c.LevelName = cv.Str()
		if def != nil && !slices.Contains(def.Scale, c.LevelName) {
			cv.Problem(yamlx.Suggest(c.LevelName, def.Scale), "%q is not a level of %s (%s)", c.LevelName, def.ID, strings.Join(def.Scale, ", "))
		}
	default:
		v.Problem("", "a condition names either a dimension or a level")
	}
	return c
}

func (l *loader) outcome(v yamlx.Value) {
	if !v.Exists() {
		if len(l.q.Levels) > 0 {
			l.q.Outcome = l.q.Levels[len(l.q.Levels)-1].ID
		}
		return
	}
	l.q.Outcome = v.Str()
	if _, ok := l.q.Level(l.q.Outcome); !ok {
		v.Problem(yamlx.Suggest(l.q.Outcome, l.levelIDs()), "outcome names unknown level %q", l.q.Outcome)
	}
}

func (l *loader) raises(v yamlx.Value) {
	for _, rv := range v.List() {
		f := rv.Map("title", "if", "by")
		by, isInt := f.Required("by", "how many steps, for example 1").IntOK()
		r := &assess.SeverityRaise{Title: f.Get("title").Str(), By: by, If: &assess.RuleCondition{}}
		if iv := f.Required("if", ""); iv.Exists() {
			r.If = l.ruleCondition(iv)
		}
		if isInt && (r.By < -3 || r.By > 3 || r.By == 0) {
			f.Get("by").Problem("", "by must be 1 to 3 (or -1 to -3 to lower)")
		}
		l.q.Raises = append(l.q.Raises, r)
	}
}

func (l *loader) deadlines(v yamlx.Value) assess.Deadlines {
	if !v.Exists() {
		return nil
	}
	out := assess.Deadlines{}
	for _, e := range v.Entries() {
		sev, err := assess.ParseSeverity(e.Key)
		if err != nil {
			e.KeyValue.Problem("", "%v", err)
			continue
		}
		days, isInt := e.Value.IntOK()
		if isInt && (days < 1 || days > 3650) {
			e.Value.Problem("", "a deadline is 1 to 3650 days, not %d", days)
		}
		out[sev] = days
	}
	return out
}

// recommends reads which questionnaires a pre-screen recommends, each on
// a condition on its answers, or, without when, whatever the answers
// ("every vendor gets the security screen"), as a question without when
// is always asked. A condition that holds whatever the answers is refused
// as everywhere, with the hint to leave when out: it reads as if the
// answers decided.
func (l *loader) recommends(v yamlx.Value) {
	const always = "to recommend it whatever the answers, leave out when"
	// The library and carries name a questionnaire exactly: DPIA meant
	// as dpia would recommend nothing, and carry nothing into it.
	twins := newCaseTwins("recommended questionnaire", "named", "write the questionnaire's id as its file writes it")
	for _, rv := range v.List() {
		f := rv.Map("questionnaire", "when", "reason")
		qv := f.Required("questionnaire", "the id of the questionnaire to run")
		r := &assess.Recommendation{Questionnaire: qv.Str(), Reason: f.Required("reason", "").Str()}
		l.checkCaseTwin(twins, qv, r.Questionnaire)
		if r.Questionnaire != "" && r.Questionnaire == l.q.ID {
			qv.Problem("name the assessment to run next, not the pre-screen itself", "%q is this questionnaire", r.Questionnaire)
		}
		w := f.Get("when")
		switch {
		case !w.Exists():
		case w.IsScalar() && strings.TrimSpace(w.Str()) == "":
			w.Problem("write a condition on the answers, or, "+always, "when is blank")
		default:
			l.pendingWhen = append(l.pendingWhen, pendingCondition{v: w, before: len(l.q.Questions), set: func(e *condition.Expr) { r.When = e },
				always: always, never: "if it is never needed, remove the recommendation"})
		}
		l.q.Recommends = append(l.q.Recommends, r)
	}
}

// carries reads which answers start the assessments the pre-screen
// recommends: for each recommended questionnaire, its question IDs, each
// with the pre-screen question it takes its answer from, and for a
// choice, which of the pre-screen's options mean which of its own. The
// other questionnaire's side is checked when the answers are carried
// (and the built-ins' by their tests): an answer it would refuse stays
// behind.
func (l *loader) carries(v yamlx.Value) {
	recommended := map[string]bool{}
	for _, r := range l.q.Recommends {
		recommended[r.Questionnaire] = true
	}
	for _, qe := range v.Entries() {
		if !recommended[qe.Key] {
			qe.KeyValue.Problem("carry answers only into a questionnaire listed under recommends", "%q is not recommended here", qe.Key)
		}
		for _, e := range qe.Value.Entries() {
			c := &assess.Carry{Questionnaire: qe.Key, To: l.id(e.KeyValue)}
			from, values := e.Value, yamlx.Value{}
			if e.Value.IsMap() {
				f := e.Value.Map("from", "values")
				from = f.Required("from", "the pre-screen's question")
				values = f.Required("values", "which of the pre-screen's options mean which of this question's")
			}
			c.From = from.Str()
			src, ok := l.q.Question(c.From)
			if from.Exists() && !ok {
				from.Problem("", "no question %q to carry an answer from", c.From)
			}
			if values.Exists() {
				c.Values = map[string]string{}
				for _, ve := range values.Entries() {
					if ok && src.Option(ve.Key) == nil {
						ve.KeyValue.Problem("", "question %s has no option %q", c.From, ve.Key)
					}
					c.Values[ve.Key] = ve.Value.Str()
				}
			}
			l.q.Carries = append(l.q.Carries, c)
		}
	}
}
