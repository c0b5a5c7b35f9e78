package questionnaires

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// dimensionOf decides which dimension a question feeds: the one it names,
// none if it says "none", otherwise the first dimension for the types that
// score (and for numbers and dates only when they have bands).
func (l *loader) dimensionOf(q *assess.Question, f yamlx.Fields) {
	v := f.Get("dimension")
	if v.Exists() {
		name := v.Str()
		if name == "none" {
			return
		}
		if _, ok := l.q.Dimension(name); !ok {
			v.Problem(yamlx.Suggest(name, l.dimensionIDs()), "unknown dimension %q", name)
			return
		}
		if q.Type == assess.TypeText || q.Type == assess.TypeRisk {
			v.Problem("", "a %s question does not score; remove dimension", q.Type)
			return
		}
		q.Dimension = name
		return
	}
	scores := false
	switch q.Type {
	case assess.TypeControl, assess.TypeSingle, assess.TypeMulti, assess.TypeScale:
		scores = true
	case assess.TypeNumber:
		scores = f.Has("bands")
	case assess.TypeDate:
		scores = f.Has("age") || f.Has("until")
	}
	if scores && len(l.q.Dimensions) > 0 {
		q.Dimension = l.q.Dimensions[0].ID
	}
}

func (l *loader) dimensionIDs() []string {
	var ids []string
	for _, d := range l.q.Dimensions {
		ids = append(ids, d.ID)
	}
	return ids
}

// controlOptions gives a control question its standard options unless the
// file lists its own. Points follow the dimension's direction: a full gap
// is worth 2, a partial one 1, so that the maximum is always 2 × weight.
func (l *loader) controlOptions(q *assess.Question, f yamlx.Fields) {
	if f.Has("options") {
		if f.Has("allow_na") {
			f.Get("allow_na").Problem("add an option with na: true instead", "allow_na applies only to the standard options; this question lists its own")
		}
		l.options(q, f.Get("options"))
		for _, want := range []string{"yes", "partial", "no"} {
			if f.Get("options").IsList() && q.Option(want) == nil {
				f.Get("options").Problem("or use type: single", "a control question needs the option %q", want)
			}
		}
		return
	}
	yes, partial, no := decimal.FromInt(0), decimal.FromInt(1), decimal.FromInt(2)
	if d, ok := l.q.Dimension(q.Dimension); ok && d.Higher == assess.HigherBetter {
		yes, no = no, yes
	}
	q.Options = []*assess.Option{
		{Value: "yes", Label: "Yes, in place", Points: yes, Gap: assess.GapNone},
		{Value: "partial", Label: "Partly", Points: partial, Gap: assess.GapPartial},
		{Value: "no", Label: "No", Points: no, Gap: assess.GapFull},
	}
	if na := f.Get("allow_na"); !na.Exists() || na.Bool() {
		q.Options = append(q.Options, &assess.Option{Value: "na", Label: "Not applicable", NA: true, Gap: assess.GapNone})
	}
}

var optionFields = []string{"value", "label", "points", "na", "exclusive", "gap", "severity", "floor", "group"}

func (l *loader) options(q *assess.Question, v yamlx.Value) {
	l.optionsGiven[q] = true
	seen := map[string]bool{}
	readAs := map[string]string{} // what answer files read, in lower case, and the option value it stands for
	groupAt := map[*assess.Option]yamlx.Value{}
	for _, ov := range v.ListOf("options", "one a line: - yes, or - {value: v, label: What people read, points: 0}") {
		o := &assess.Option{}
		if ov.IsScalar() { // shorthand: "- Some label" means value and label alike
			o.Value, o.Label = ov.Str(), ov.Str()
			l.optionValue(ov, "option", o.Value)
		} else {
			f := ov.Map(optionFields...)
			vv := f.Required("value", "")
			o.Value = vv.Str()
			l.optionValue(vv, "value", o.Value)
			o.Label = f.Get("label").Str()
			l.checkLength(f.Get("label"), "label", o.Label, warnLabel)
			if strings.TrimSpace(o.Label) == "" {
				o.Label = o.Value
			}
			if p := f.Get("points"); p.Exists() {
				o.Points = p.Decimal(pointPlaces)
				l.pointsGiven[o] = true
			}
			o.NA = f.Get("na").Bool()
			o.Exclusive = f.Get("exclusive").Bool()
			if o.Exclusive && q.Type != assess.TypeMulti {
				f.Get("exclusive").Problem("", "exclusive applies only to multiple-choice questions")
			}
			o.Gap = assess.GapKind(f.Get("gap").OneOf("none", "partial", "full"))
			if sv := f.Get("severity"); sv.Exists() {
				sev, err := assess.ParseSeverity(sv.Str())
				if err != nil {
					sv.Problem("", "%v", err)
				}
				o.Severity = sev
			}
			o.Floors = l.floors(f.Get("floor"))
			l.optionGroup(q, o, f.Get("group"), groupAt)
		}
		if o.Value != "" && seen[o.Value] {
			ov.Problem("", "duplicate option value %q", o.Value)
		} else if o.Value != "" {
			l.distinctInAnswers(ov, o, readAs)
		}
		seen[o.Value] = true
		q.Options = append(q.Options, o)
	}
	groupsOfOne(q, groupAt)
	min := 2
	if q.Type == assess.TypeMulti {
		min = 1
	}
	if v.IsList() && len(q.Options) < min {
		v.Problem("", "a %s question needs at least %d options", q.Type, min)
	}
}

func (l *loader) scale(v yamlx.Value) *assess.ScaleDef {
	f := v.Map("from", "to", "labels", "points")
	s := &assess.ScaleDef{From: f.Required("from", "").Int(), To: f.Required("to", "").Int(), Labels: map[int]string{}}
	if s.To <= s.From || s.To-s.From > 20 {
		v.Problem("", "a scale runs from a smaller to a larger whole number, at most 20 steps (found %d to %d)", s.From, s.To)
		return s
	}
	for _, e := range f.Get("labels").Entries() {
		n, err := strconv.Atoi(e.Key)
		if err != nil || n < s.From || n > s.To {
			e.KeyValue.Problem("", "label for %q, which is not a step of the scale %d to %d", e.Key, s.From, s.To)
			continue
		}
		s.Labels[n] = e.Value.Str()
	}
	if pv := f.Get("points"); pv.Exists() {
		for _, p := range pv.List() {
			s.Points = append(s.Points, p.Decimal(pointPlaces))
		}
		if want := s.To - s.From + 1; len(s.Points) != want {
			pv.Problem("", "points lists %d values but the scale has %d steps", len(s.Points), want)
		}
	}
	return s
}

func (l *loader) bands(v yamlx.Value) []*assess.PointBand {
	var out []*assess.PointBand
	items := v.List()
	for i, bv := range items {
		f := bv.Map("upto", "points", "label")
		b := &assess.PointBand{Points: f.Required("points", "").Decimal(pointPlaces), Label: f.Get("label").Str()}
		if u := f.Get("upto"); u.Exists() {
			d := u.Decimal(decimal.Places)
			b.UpTo = &d
			if i > 0 && out[i-1].UpTo != nil && d <= *out[i-1].UpTo {
				u.Problem("", "bands must rise: %s is not above the previous band's %s", d, out[i-1].UpTo)
			}
		} else if i != len(items)-1 {
			bv.Problem("", "only the last band may leave out upto")
		}
		out = append(out, b)
	}
	if len(items) > 0 && out[len(out)-1].UpTo != nil {
		items[len(items)-1].Problem("", "the last band must leave out upto so that every number has points; numbers above %s would have none", out[len(out)-1].UpTo)
	}
	return out
}

func (l *loader) ageBands(v yamlx.Value) []*assess.AgeBand {
	var out []*assess.AgeBand
	items := v.List()
	for i, bv := range items {
		f := bv.Map("within_days", "points", "label")
		b := &assess.AgeBand{Points: f.Required("points", "").Decimal(pointPlaces), Label: f.Get("label").Str()}
		if w := f.Get("within_days"); w.Exists() {
			n := w.Int()
			b.WithinDays = &n
			if i > 0 && out[i-1].WithinDays != nil && n <= *out[i-1].WithinDays {
				w.Problem("", "age bands must rise: %d is not above the previous band's %d", n, *out[i-1].WithinDays)
			}
		} else if i != len(items)-1 {
			bv.Problem("", "only the last age band may leave out within_days")
		}
		out = append(out, b)
	}
	if len(items) > 0 && out[len(out)-1].WithinDays != nil {
		items[len(items)-1].Problem("", "the last age band must leave out within_days so that every date has points")
	}
	return out
}

func (l *loader) risk(q *assess.Question, v, qv yamlx.Value) *assess.RiskDef {
	f := v.Map("title", "named_in_note")
	r := &assess.RiskDef{Title: f.Get("title").Str(), NamedInNote: f.Get("named_in_note").Bool()}
	if r.Title == "" {
		r.Title = q.Text
	}
	if l.q.RiskMatrix == nil {
		qv.Problem("add risk_matrix at the top of the file", "a risk question needs the questionnaire's risk_matrix")
	}
	return r
}

// checkScoring: a question that feeds a dimension needs points everywhere
// an answer can land; one that can make a finding needs an action.
func (l *loader) checkScoring(q *assess.Question, f yamlx.Fields, qv yamlx.Value) {
	if q.Scored() && l.optionsGiven[q] {
		for i, o := range q.Options {
			if !o.NA && !l.pointsGiven[o] {
				at := f.Get("options")
				if items := at.List(); i < len(items) {
					at = items[i]
				}
				at.Problem(fmt.Sprintf("the question feeds dimension %q; give points, or mark the option na: true, or set dimension: none", q.Dimension), "option %q has no points", o.Value)
			}
		}
	}
	if q.Scored() && q.Type == assess.TypeNumber && len(q.Bands) == 0 {
		f.Get("dimension").Problem("add bands with points, or set dimension: none", "a number question feeds dimension %q but has no bands", q.Dimension)
	}
	if q.Scored() && q.Type == assess.TypeDate && len(q.AgeBands) == 0 {
		f.Get("dimension").Problem("add age (or until) bands with points, or set dimension: none", "a date question feeds dimension %q but has no age bands", q.Dimension)
	}
	if q.Severity != assess.SeverityNone && (q.Type == assess.TypeText || q.Type == assess.TypeRisk) {
		f.Get("severity").Problem("a risk's severity comes from the risk matrix", "a %s question cannot have a severity", q.Type)
	}
	canFind := q.Severity != assess.SeverityNone || q.Type == assess.TypeRisk || slices.ContainsFunc(q.Options, func(o *assess.Option) bool { return o.Severity != assess.SeverityNone })
	if canFind && q.Action == "" {
		qv.Problem("write the recommended remediation as an instruction", "question %s can make a finding but has no action", q.ID)
	}
}

// optionValue checks an option's value, which answers files, a vendor's
// file and conditions give back as typed: one blank, with spaces around
// it or holding a control character could not be chosen there, and the
// file sent to a vendor would list a choice that shows as something else.
// A stored snapshot is read as it is (see requiredText).
// distinctInAnswers refuses an option that answer files cannot tell from
// an earlier one: they give an option by its value or its label in any
// case (optionValue in answers.go), so options Yes and yes, or two
// labelled Same and same, took a vendor's answer for whichever came first.
func (l *loader) distinctInAnswers(ov yamlx.Value, o *assess.Option, readAs map[string]string) {
	if l.cat.AcceptsAnyFramework() {
		return
	}
	for _, s := range []string{o.Value, o.Label} {
		key := strings.ToLower(strings.TrimSpace(s))
		if other, taken := readAs[key]; taken && other != o.Value {
			ov.Problem("give each option a value and a label no other option has, in any case",
				"option %q is read as %q in answer files, as option %q is: values and labels are matched in any case", o.Value, s, other)
			return
		}
	}
	for _, s := range []string{o.Value, o.Label} {
		readAs[strings.ToLower(strings.TrimSpace(s))] = o.Value
	}
}

func (l *loader) optionValue(v yamlx.Value, key, s string) {
	if !v.Exists() || l.cat.AcceptsAnyFramework() {
		return
	}
	switch {
	case strings.TrimSpace(s) == "":
		v.Problem("", "%s is required, and is blank", key)
	case utf8.RuneCountInString(s) > MaxOptionValueLength:
		v.Problem("give the option a short value and a label: {value: short-name, label: the words shown}",
			"%s is %d characters long; an option's value is at most %d", key, utf8.RuneCountInString(s), MaxOptionValueLength)
	case strings.TrimSpace(s) != s:
		v.Problem("answers give it back without them", "%s %q has spaces around it", key, s)
	default:
		if err := assess.CheckLine(key, s); err != nil {
			v.Problem("", "%s", err.Error())
		} else if r, at := firstInvisible(s); at > 0 {
			v.Problem("a value is typed in answer files and conditions; give it plain characters, and put it in the label if it must show",
				"%s holds an invisible character (%U) at character %d", key, r, at)
		}
	}
}

// firstInvisible finds the first character of s that shows as nothing
// (Unicode's format characters: a zero-width space, a word joiner, a
// byte-order mark, a soft hyphen) and its position, counted from 1; 0
// when there is none. In an option's value one made "yes" and "yes" plus
// a zero-width space two options that look alike, of which typing yes
// reaches one.
func firstInvisible(s string) (rune, int) {
	n := 0
	for _, r := range s {
		n++
		if unicode.Is(unicode.Cf, r) {
			return r, n
		}
	}
	return 0, 0
}
