// Package questionnaires holds the built-in questionnaires and control
// catalogs (embedded), and reads and validates questionnaire files: every
// problem in a file is reported at once with file:line:column and field.
package questionnaires

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// Problem and Problems are the loader's error type: one mistake each, with
// its position and field.
type (
	Problem  = yamlx.Problem
	Problems = yamlx.Problems
)

// pointPlaces limits points and weights to three decimal places so that a
// weighted score (points × weight) is always exact.
const pointPlaces = 3

// Parse reads a questionnaire file and validates it against the catalog.
// On any problem it returns nil and every problem found. Warnings do not
// stop a file from loading; Lint reports them.
func Parse(name string, src []byte, cat *assess.Catalog) (*assess.Questionnaire, Problems) {
	q, problems, _ := Lint(name, src, cat)
	return q, problems
}

// Lint is Parse that also returns warnings: things that are valid but
// probably not what the author meant, such as a scored question that names
// no dimension in a questionnaire with several. Warnings are returned even
// when there are problems.
func Lint(name string, src []byte, cat *assess.Catalog) (*assess.Questionnaire, Problems, Problems) {
	return lint(name, src, cat, false)
}

// lint is Lint; combined says src is an extension combined with its base
// (Extend), whose version assay wrote from the two files' versions, each
// checked where it was written.
func lint(name string, src []byte, cat *assess.Catalog, combined bool) (*assess.Questionnaire, Problems, Problems) {
	doc, root := yamlx.Parse(name, src)
	return lintParsed(name, src, doc, root, cat, combined)
}

// lintParsed is lint of src already parsed as doc and root.
func lintParsed(name string, src []byte, doc *yamlx.Doc, root yamlx.Value, cat *assess.Catalog, combined bool) (*assess.Questionnaire, Problems, Problems) {
	if len(doc.Problems) > 0 {
		return nil, doc.Problems, nil
	}
	// A stored snapshot is read as it is: it may predate the refusal.
	doc.RefuseEmpty = !cat.AcceptsAnyFramework()
	doc.EmptyHints = map[string]string{
		// Left out, the finding lists the question's controls; {} lists none.
		"concerns": "list the controls the risk concerns by framework, or write concerns: {} if it concerns none",
	}
	if root.Exists() && !root.IsMap() {
		// Said once: the fields a list or a line of text lacks follow
		// from it. (A document of nothing, such as a lone tag, is said
		// as missing its fields.)
		root.Map()
		return nil, doc.Problems, nil
	}
	l := &loader{cat: cat, combined: combined, q: &assess.Questionnaire{Source: src, SourceName: name}, optionsGiven: map[*assess.Question]bool{}, pointsGiven: map[*assess.Option]bool{}}
	l.read(root)
	doc.SayUnreadMisshapenTags()
	doc.Warnings.Sort()
	if len(doc.Problems) > 0 {
		doc.Problems.Sort()
		return nil, doc.Problems, doc.Warnings
	}
	markForbiddenUsesBefore(l.q)
	sum := sha256.Sum256(src)
	l.q.Digest = hex.EncodeToString(sum[:])
	return l.q, nil, doc.Warnings
}

type loader struct {
	cat          *assess.Catalog
	combined     bool // an extension combined with its base: see lint
	q            *assess.Questionnaire
	optionsGiven map[*assess.Question]bool
	pointsGiven  map[*assess.Option]bool
	// conditions wait until every question is known.
	pendingWhen []pendingCondition
	qValues     map[string]yamlx.Value // where each question was defined
	qByLower    map[string]string      // each question's ID in lower case, to the first ID written so
	reach       map[string]float64     // the most points each dimension's questions reach (checkMagnitudes)
	ranges      map[string][2]float64  // each dimension's range through the rules so far (checkRuleReach)
	allLevels   map[string]bool        // every level id in the file, defined above or below
	// knock-outs and finding_if name levels, which are read after the
	// questions: they wait until every level is known.
	pendingFloors    []pendingFloor
	pendingFindingIf []pendingFindingIf
	dpoQuestion      *assess.Question // the question marked dpo_opinion, if any
	pendingReplaces  []pendingReplaces
	pendingChecks    []pendingCheck // consistency checks, matched with their conditions once read
}

type pendingCondition struct {
	v      yamlx.Value
	before int // references must point at questions with a smaller index
	set    func(*condition.Expr)
	// always and never, when set, say how to write what a condition
	// that always or never holds meant, where the general advice does
	// not fit: a recommendation made whatever the answers has no when.
	always, never string
}

var topFields = []string{
	"id", "version", "title", "kind", "description", "copyright", "dimensions", "levels", "rules", "outcome",
	"severity_raises", "deadlines", "risk_matrix", "recommends", "carries", "consistency", "sections",
}

func (l *loader) read(root yamlx.Value) {
	f := root.Map(topFields...)
	q := l.q
	q.ID = l.id(f.Required("id", "a short name such as vendor-security-screen"))
	q.Version = l.requiredLine(f, "version", `for example "1.0.0"`)
	if !l.combined && !l.cat.AcceptsAnyFramework() {
		versionTooLong(f.Get("version"), q.Version)
	}
	q.Title = l.requiredLine(f, "title", "")
	l.checkLength(f.Get("title"), "title", q.Title, warnTitle)
	q.Kind = assess.Kind(f.Required("kind", "").OneOf(kindNames()...))
	q.Description = f.Get("description").Str()
	l.checkLength(f.Get("description"), "description", q.Description, warnDescription)
	q.Copyright = f.Get("copyright").Str()
	l.dimensions(f.Get("dimensions"))
	l.riskMatrix(f.Get("risk_matrix"))
	l.sections(f.Required("sections", "a list of sections, each with questions"))
	l.checkReplaces()
	q.Index()
	l.checkMagnitudes()
	l.checkFullMaxima(f.Get("dimensions"))
	l.levels(f.Get("levels"))
	l.checkFloors()
	l.resolveFindingIfs()
	l.rules(f.Get("rules"))
	l.outcome(f.Get("outcome"))
	l.raises(f.Get("severity_raises"))
	q.Deadlines = l.deadlines(f.Get("deadlines"))
	l.recommends(f.Get("recommends"))
	l.carries(f.Get("carries"))
	l.consistency(f.Get("consistency"))
	l.resolveConditions()
	l.matchCheckQuestions()
}

func kindNames() []string {
	out := make([]string, len(assess.Kinds))
	for i, k := range assess.Kinds {
		out[i] = string(k)
	}
	return out
}

// id reads an identifier: a letter, then letters, digits, _, - or ".",
// MaxIDLength characters at most (but in a stored snapshot, read as it
// is: an assessment made before the limit still opens).
func (l *loader) id(v yamlx.Value) string {
	s := v.Str()
	switch {
	case utf8.RuneCountInString(s) > MaxIDLength && !l.cat.AcceptsAnyFramework():
		v.Problem("a short name, such as data-retention; the text belongs in title or text",
			"%s is %d characters long; an ID is at most %d", quoteStart(s), utf8.RuneCountInString(s), MaxIDLength)
	case s != "" && !condition.IsValidRef(s):
		v.Problem("start with a letter; then letters, digits, _, - or .", "%q is not a valid id: %s", s, idWhy(s))
	}
	return s
}

// idWhy says what is wrong with an id IsValidRef refused, naming the
// character: a Cyrillic а pasted from a document, a zero-width space or a
// non-breaking space look like a valid id to the person reading it.
func idWhy(s string) string {
	for i, r := range []rune(s) {
		ascii := r < utf8.RuneSelf
		letter := ascii && unicode.IsLetter(r)
		if i == 0 && letter || i > 0 && (letter || ascii && (unicode.IsDigit(r) || strings.ContainsRune("_-.", r))) {
			continue
		}
		what := fmt.Sprintf("U+%04X", r)
		if unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) {
			what = fmt.Sprintf("%q (%s)", string(r), what)
		}
		if i == 0 {
			return fmt.Sprintf("character 1, %s, is not an ASCII letter", what)
		}
		return fmt.Sprintf("character %d, %s, is not an ASCII letter, digit, _, - or .", i+1, what)
	}
	return "it is a condition keyword"
}

func (l *loader) sections(v yamlx.Value) {
	seenSection := map[string]bool{}
	sectionTwins := newCaseTwins("section id", "defined", "give each section an ID no other has, in any case")
	l.qValues, l.qByLower = map[string]yamlx.Value{}, map[string]string{}
	for _, sv := range v.ListOf("sections", "one a line: - id: s1, with its title and questions") {
		if !sv.Exists() {
			sv.Problem("write the section's fields under the -, or remove the -", "the entry is empty")
			continue
		}
		f := sv.Map("id", "title", "help", "when", "questions")
		s := &assess.Section{}
		idv := f.Required("id", "")
		s.ID = l.id(idv)
		if seenSection[s.ID] {
			idv.Problem("", "duplicate section id %q", s.ID)
		}
		l.checkCaseTwin(sectionTwins, idv, s.ID)
		seenSection[s.ID] = true
		s.Title = l.requiredLine(f, "title", "")
		l.checkLength(f.Get("title"), "title", s.Title, warnSectionTitle)
		s.Help = f.Get("help").Str()
		l.checkLength(f.Get("help"), "help", s.Help, warnHelp)
		first := l.questionCount()
		if w := f.Get("when"); w.Exists() {
			l.pendingWhen = append(l.pendingWhen, pendingCondition{v: w, before: first, set: func(e *condition.Expr) { s.When = e }})
		}
		qs := f.Required("questions", "a list of questions").ListOf("questions", "one a line: - id: q1, with its type and text")
		if f.Get("questions").IsList() && len(qs) == 0 {
			f.Get("questions").Problem("", "a section needs at least one question")
		}
		for _, qv := range qs {
			if q := l.question(qv, first+len(s.Questions)); q != nil {
				s.Questions = append(s.Questions, q)
			}
		}
		l.q.Sections = append(l.q.Sections, s)
	}
	if len(l.q.Sections) == 0 && v.IsList() {
		v.Problem("", "a questionnaire needs at least one section")
	}
}

func (l *loader) questionCount() int {
	n := 0
	for _, s := range l.q.Sections {
		n += len(s.Questions)
	}
	return n
}

var questionFields = []string{
	"id", "text", "help", "type", "when", "optional", "weight", "dimension", "severity", "action",
	"controls", "options", "allow_na", "scale", "bands", "age", "until", "lapse", "unit", "min", "max", "whole", "risk",
	"floor", "finding_if", "dpo_opinion", "required_when", "internal", "max_points", "severity_when", "replaces",
	"concerns",
}

func (l *loader) question(v yamlx.Value, index int) *assess.Question {
	if !v.Exists() {
		v.Problem("write the question's fields under the -, or remove the -", "the entry is empty")
		return nil
	}
	f := v.Map(questionFields...)
	q := &assess.Question{}
	idv := f.Required("id", "")
	q.ID = l.id(idv)
	if prev, dup := l.qValues[q.ID]; dup && q.ID != "" {
		idv.Problem(fmt.Sprintf("first defined at line %d", prev.Line()), "duplicate question id %q", q.ID)
	} else if first, near := l.qByLower[strings.ToLower(q.ID)]; near && !l.cat.AcceptsAnyFramework() {
		// Conditions and answer files name a question exactly, so MFA
		// meant as mfa would answer the other question without a word.
		idv.Problem(fmt.Sprintf("first defined at line %d; give each question an ID no other has, in any case", l.qValues[first].Line()),
			"question id %q differs from question id %q only in case", q.ID, first)
	}
	if _, seen := l.qByLower[strings.ToLower(q.ID)]; !seen {
		l.qByLower[strings.ToLower(q.ID)] = q.ID
	}
	l.qValues[q.ID] = v
	q.Text = l.requiredText(f, "text", "")
	l.checkLength(f.Get("text"), "text", q.Text, warnQuestion)
	q.Help = f.Get("help").Str()
	l.checkLength(f.Get("help"), "help", q.Help, warnHelp)
	q.Type = assess.QuestionType(f.Required("type", "").OneOf(typeNames()...))
	q.Optional = f.Get("optional").Bool()
	q.Internal = f.Get("internal").Bool()
	q.Unit = f.Get("unit").Str()
	q.Weight = decimal.FromInt(1)
	if w := f.Get("weight"); w.Exists() {
		var ok bool
		q.Weight, ok = w.DecimalOK(pointPlaces)
		if ok && q.Weight <= 0 {
			w.Problem("", "weight must be greater than zero")
		}
	}
	if sv := f.Get("severity"); sv.Exists() {
		sev, err := assess.ParseSeverity(sv.Str())
		if err != nil {
			sv.Problem("", "%v", err)
		}
		q.Severity = sev
	}
	l.severityWhen(q, f, index)
	q.Action = f.Get("action").Str()
	l.checkLength(f.Get("action"), "action", q.Action, warnAction)
	q.Controls = l.controls(f.Get("controls"))
	l.dimensionOf(q, f)
	if q.Dimension != "" && !f.Has("dimension") && len(l.q.Dimensions) > 1 {
		// With one dimension the default is obvious; with several, a
		// question that names none silently feeds the first, which is
		// easy to miss when a question is copied between sections.
		v.Warn(fmt.Sprintf("add dimension: %s (or another, or none) to say which it feeds", q.Dimension),
			"question %s names no dimension, so it feeds the first one, %q, of %d", q.ID, q.Dimension, len(l.q.Dimensions))
	}
	switch q.Type {
	case assess.TypeControl:
		l.controlOptions(q, f)
	case assess.TypeSingle, assess.TypeMulti:
		l.options(q, f.Required("options", "a list of options with value, label and points"))
		if q.Type == assess.TypeMulti {
			l.maxPoints(q, f.Get("max_points"))
		}
	case assess.TypeScale:
		q.Scale = l.scale(f.Required("scale", "from, to and optional labels"))
	case assess.TypeNumber:
		before := len(v.Doc().Problems)
		l.numberRange(q, f)
		q.Bands = l.bands(f.Get("bands"))
		if len(v.Doc().Problems) == before {
			l.checkBandReach(q, f.Get("bands"))
		}
	case assess.TypeDate:
		q.AgeBands = l.ageBands(f.Get("age"))
		if uv := f.Get("until"); uv.Exists() {
			if f.Has("age") {
				uv.Problem("age scores how long ago a date was, until how long is left before it; pick one", "use age or until, not both")
			} else {
				q.AgeBands, q.Until = l.ageBands(uv), true
			}
		}
		q.Lapse = l.lapse(f, q.Until)
	case assess.TypeRisk:
		q.RiskDef = l.risk(q, f.Get("risk"), v)
		q.Concerns = l.concerns(f)
	}
	q.Floors = l.floors(f.Get("floor"))
	if fv := f.Get("finding_if"); fv.Exists() {
		l.pendingFindingIf = append(l.pendingFindingIf, pendingFindingIf{v: fv, q: q})
	}
	if dv := f.Get("dpo_opinion"); dv.Exists() {
		l.dpoOpinion(q, dv)
	}
	l.checkFieldsForType(q, f)
	l.checkScoring(q, f, v)
	l.checkKnockOuts(q, f)
	if w := f.Get("when"); w.Exists() {
		l.pendingWhen = append(l.pendingWhen, pendingCondition{v: w, before: index, set: func(e *condition.Expr) { q.When = e }})
	}
	if rw := f.Get("required_when"); rw.Exists() {
		l.requiredWhen(q, f, rw, index)
	}
	if rv := f.Get("replaces"); rv.Exists() {
		l.pendingReplaces = append(l.pendingReplaces, pendingReplaces{q: q, v: rv})
	}
	return q
}

// requiredWhen reads required_when: the question is optional but while
// its condition, on the questions before it, holds. Optional beside it
// would say the same twice, or the opposite, so it is refused.
func (l *loader) requiredWhen(q *assess.Question, f yamlx.Fields, rw yamlx.Value, index int) {
	if ov := f.Get("optional"); ov.Exists() {
		ov.Problem("required_when makes the question optional unless its condition holds; remove optional",
			"optional and required_when: give one")
		return
	}
	q.Optional = true
	l.pendingWhen = append(l.pendingWhen, pendingCondition{v: rw, before: index, set: func(e *condition.Expr) { q.RequiredWhen = e }})
}

// dpoOpinion reads dpo_opinion: the question the DPO's opinion answers is
// one a yes can answer, there is one, and the questionnaire is one a DPO
// gives an opinion on (assay dpo).
func (l *loader) dpoOpinion(q *assess.Question, v yamlx.Value) {
	if !v.Bool() {
		return
	}
	switch {
	case q.Type != assess.TypeControl && q.Type != assess.TypeSingle:
		v.Problem("mark a control or single-choice question that asks whether the DPO has given an opinion",
			"a %s question cannot be the one the DPO's opinion answers", q.Type)
	case l.dpoQuestion != nil:
		v.Problem("mark one question: the one that asks whether the DPO has given an opinion",
			"question %s is already the one the DPO's opinion answers", l.dpoQuestion.ID)
	case !assess.TakesDPOOpinion(l.q):
		v.Problem("a DPO gives an opinion on privacy, licensing, dataset and pre-screen questionnaires",
			"a %s questionnaire takes no DPO opinion", l.q.Kind)
	default:
		q.AsksDPOOpinion, l.dpoQuestion = true, q
	}
}

func typeNames() []string {
	out := make([]string, len(assess.QuestionTypes))
	for i, t := range assess.QuestionTypes {
		out[i] = string(t)
	}
	return out
}

// checkFieldsForType rejects fields that mean nothing for the question's type.
func (l *loader) checkFieldsForType(q *assess.Question, f yamlx.Fields) {
	allowed := map[assess.QuestionType][]string{
		assess.TypeControl: {"options", "allow_na"},
		assess.TypeSingle:  {"options"},
		assess.TypeMulti:   {"options", "max_points"},
		assess.TypeScale:   {"scale"},
		assess.TypeNumber:  {"bands", "unit", "min", "max", "whole"},
		assess.TypeDate:    {"age", "until", "lapse"},
		assess.TypeRisk:    {"risk", "concerns"},
	}
	typed := []string{"options", "allow_na", "scale", "bands", "age", "until", "lapse", "unit", "min", "max", "whole", "risk", "max_points", "concerns"}
	for _, k := range typed {
		if !f.Has(k) || q.Type == "" {
			continue
		}
		ok := false
		for _, a := range allowed[q.Type] {
			ok = ok || a == k
		}
		if !ok {
			f.Get(k).Problem("", "%s does not apply to a %s question", k, q.Type)
		}
	}
}

func (l *loader) controls(v yamlx.Value) assess.Controls {
	out := assess.Controls{}
	for _, fc := range l.controlsByFramework(v) {
		fw, lv := fc.fw, fc.v
		items := []yamlx.Value{lv}
		if lv.IsList() {
			items = lv.List()
		}
		seen := map[string]bool{}
		for _, iv := range items {
			id := strings.TrimSpace(iv.Str())
			if id == "" {
				// null, ~ or "": an ID left out, refused as in replaces (a
				// stored snapshot is read as it is).
				if !l.cat.AcceptsAnyFramework() && (!iv.Exists() || iv.IsScalar()) {
					iv.Problem("write the control's ID, or remove the entry", "a control ID is required, and the entry is empty")
				}
				continue
			}
			if !l.cat.Accepts(fw, id) {
				iv.Problem(l.controlHint(fw, id), "%s has no control %q", l.cat.Title(fw), id)
				continue
			}
			if seen[id] {
				iv.Problem("", "control %s is listed twice", id)
				continue
			}
			seen[id] = true
			out[fw] = append(out[fw], id)
		}
	}
	return out
}

func (l *loader) controlHint(fw assess.Framework, id string) string {
	var ids []string
	for _, c := range l.cat.Controls(fw) {
		ids = append(ids, c.ID)
	}
	if h := yamlx.Suggest(id, ids); h != "" {
		return h
	}
	switch fw {
	case assess.ISO27001:
		return "ISO 27001:2022 Annex A IDs look like A.5.1 to A.8.34"
	case assess.NISTCSF:
		return "NIST CSF 2.0 subcategory IDs look like GV.OC-01 or PR.AA-05"
	case assess.SOC2:
		return "SOC 2 criterion IDs look like CC6.1, A1.2, C1.1, PI1.3 or P4.2"
	}
	return "see the catalog's file for its control IDs"
}
