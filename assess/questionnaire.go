package assess

import (
	"slices"

	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
)

// Questionnaire is a parsed, validated questionnaire: the questions, how
// answers score, and what a gap means. It is immutable once loaded; an
// assessment keeps the exact one it started with (see Digest).
type Questionnaire struct {
	ID          string
	Version     string
	Title       string
	Kind        Kind
	Description string
	// Copyright is the notice of the work the questionnaire comes from
	// (a converted CISO Assistant library keeps its library's), shown by
	// assay lint and in the report.
	Copyright string

	Dimensions []*Dimension
	Levels     []*LevelDef
	Rules      []*Rule
	Outcome    string // the level that is the assessment's headline result
	Raises     []*SeverityRaise
	Deadlines  Deadlines // per-questionnaire override of the deadline policy; nil for none
	RiskMatrix *RiskMatrix
	Recommends []*Recommendation // pre-screen results: which assessments are needed
	Carries    []*Carry          // answers that start a recommended assessment (see Carried)
	// Consistency lists the checks of answers against each other.
	Consistency []*ConsistencyCheck

	Sections  []*Section
	Questions []*Question // every question in document order; Question.Index is its position

	// Source is the file the questionnaire came from, byte for byte, and
	// Digest its SHA-256: the snapshot an assessment pins.
	Source     []byte
	SourceName string
	Digest     string

	byID map[string]*Question
}

// Kind says what sort of assessment a questionnaire is for.
type Kind string

// The kinds of questionnaire.
const (
	KindPrivacy    Kind = "privacy"
	KindFairness   Kind = "fairness"
	KindThirdParty Kind = "third-party"
	KindLicensing  Kind = "licensing"
	KindDataset    Kind = "dataset"
	KindPrescreen  Kind = "prescreen"
	KindSecurity   Kind = "security"
)

// Kinds lists every valid kind.
var Kinds = []Kind{KindPrivacy, KindFairness, KindThirdParty, KindLicensing, KindDataset, KindPrescreen, KindSecurity}

// SubjectKind is what a questionnaire of this kind is usually about, the
// kind a new subject is offered: a vendor for third-party due diligence,
// a dataset for a dataset or a licence of data, a system otherwise (the
// processing, the AI system, the initiative a pre-screen looks at).
func (k Kind) SubjectKind() string {
	switch k {
	case KindThirdParty:
		return "vendor"
	case KindDataset, KindLicensing:
		return "dataset"
	}
	return "system"
}

// Question returns the question with the given ID.
func (q *Questionnaire) Question(id string) (*Question, bool) {
	qq, ok := q.byID[id]
	return qq, ok
}

// Dimension returns the dimension with the given ID.
func (q *Questionnaire) Dimension(id string) (*Dimension, bool) {
	for _, d := range q.Dimensions {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}

// Fed reports whether at least one question feeds the dimension: one
// nothing feeds always scores 0 of 0 and says nothing.
func (q *Questionnaire) Fed(dimension string) bool {
	for _, qq := range q.Questions {
		if qq.Dimension == dimension {
			return true
		}
	}
	return false
}

// MakesFindings reports whether some answer could make a finding: a
// question or option with a severity, or a risk register. A pre-screen
// makes none, so its report and review have no findings or plan.
func (q *Questionnaire) MakesFindings() bool {
	if q.RiskMatrix != nil {
		return true
	}
	for _, qq := range q.Questions {
		if qq.MakesFindings() {
			return true
		}
	}
	return false
}

// Level returns the level definition with the given ID.
func (q *Questionnaire) Level(id string) (*LevelDef, bool) {
	for _, l := range q.Levels {
		if l.ID == id {
			return l, true
		}
	}
	return nil, false
}

// Index links sections and questions and numbers the questions. Loaders
// call it once the structure is complete.
func (q *Questionnaire) Index() {
	q.Questions = q.Questions[:0]
	q.byID = map[string]*Question{}
	for _, s := range q.Sections {
		for _, qq := range s.Questions {
			qq.Section = s
			qq.Index = len(q.Questions)
			q.Questions = append(q.Questions, qq)
			q.byID[qq.ID] = qq
		}
	}
}

// Section groups questions; it may be shown only under a condition.
type Section struct {
	ID        string
	Title     string
	Help      string
	When      *condition.Expr
	Questions []*Question
}

// QuestionType decides the answer's shape and how it scores.
type QuestionType string

// The question types.
const (
	TypeControl QuestionType = "control" // yes / partial / no / not applicable
	TypeSingle  QuestionType = "single"  // one option
	TypeMulti   QuestionType = "multi"   // any options; points are summed
	TypeScale   QuestionType = "scale"   // a whole number between two bounds
	TypeNumber  QuestionType = "number"  // a number, within bounds if it has them; points by bands
	TypeDate    QuestionType = "date"    // a day; points by its age
	TypeText    QuestionType = "text"    // free text; never scored
	TypeRisk    QuestionType = "risk"    // likelihood × impact, as found and after measures
)

// QuestionTypes lists every type.
var QuestionTypes = []QuestionType{TypeControl, TypeSingle, TypeMulti, TypeScale, TypeNumber, TypeDate, TypeText, TypeRisk}

// Question is one question with everything needed to score it and to turn a
// gap into a finding.
type Question struct {
	ID       string
	Text     string
	Help     string
	Type     QuestionType
	When     *condition.Expr
	Options  []*Option    // control, single, multi
	Scale    *ScaleDef    // scale
	Bands    []*PointBand // number: points by value
	AgeBands []*AgeBand   // date: points by age on the assessment date (or by days until it, see Until)
	Until    bool         // date: AgeBands count the days from the assessment date until the answer, as for an expiry date
	// Lapse, on an Until question, names what ends on the date answered
	// ("the certificate's expiry"): a finding's plan item falls due no
	// later than that date while it is ahead of the assessment.
	Lapse string
	Unit  string // number: what is counted, for display
	// Min and Max bound a number's answer, both included; nil: no
	// bound. Whole takes whole numbers only, as for a count of people.
	Min, Max *decimal.Decimal
	Whole    bool
	// MaxPoints caps what a multiple-choice answer counts, and so the
	// question's maximum (max_points), so that an option can be added
	// without moving every existing answer's share of the dimension;
	// nil: the options' points add up uncapped.
	MaxPoints *decimal.Decimal
	Optional  bool // may stay unanswered without making the result incomplete
	// RequiredWhen makes an otherwise optional question required while
	// it holds (required_when: a risk to the group the answers say is
	// affected); nil: Optional alone decides.
	RequiredWhen *condition.Expr
	Weight       decimal.Decimal
	Dimension    string   // the dimension its points feed; "" when it feeds none
	Severity     Severity // of a gap; SeverityNone means answers never make findings
	Action       string   // the recommended remediation, as an instruction
	Controls     Controls
	RiskDef      *RiskDef // risk
	// Concerns are, for a risk, the controls that act against it
	// (concerns:), which its finding lists and its remediation works on;
	// Controls stay what a rating is evidence of in coverage (risk
	// assessment). nil: not given, and findings list Controls; empty:
	// the risk concerns no control the questionnaire can name.
	Concerns Controls
	// Floors are the question's knock-outs: a full gap on it sets a
	// floor under a level, whatever the points say.
	Floors []*Floor
	// FindingIf limits the question's findings to results where a level
	// or dimension condition holds, as an obligation that applies only
	// from a given impact level on; nil: findings whenever there is a gap.
	FindingIf *RuleCondition
	// SeverityWhen gives the question's findings another severity than
	// Severity while a condition on earlier answers holds (severity_when);
	// the first that holds decides, and none holding leaves Severity.
	SeverityWhen []*ConditionalSeverity
	// AsksDPOOpinion marks the question that asks whether the data
	// protection officer has given an opinion (dpo_opinion: true): one
	// recorded in assay answers it in fact, and DPOOpinionNotAnswered says
	// when its answer does not.
	AsksDPOOpinion bool
	// Internal marks a question we answer about the counterparty
	// (internal: true), such as how critical its service is to us or how
	// hard it would be to replace: assay send leaves it out of the
	// counterparty's file, and a file from them cannot answer it.
	Internal bool
	// Replaces names the IDs this question had in earlier versions of
	// the questionnaire (replaces: [old-id]): it asks the same
	// requirement under a new ID, so a comparison with an assessment
	// that answered the old ID matches that answer with this one.
	Replaces []string

	Section *Section
	Index   int
}

// Option is one answer choice.
type Option struct {
	Value     string
	Label     string
	Points    decimal.Decimal
	NA        bool     // choosing it takes the question out of the score and its maximum
	Exclusive bool     // multi: cannot be combined with other options ("none of these")
	Gap       GapKind  // explicit gap meaning; GapAuto derives it from the points
	Severity  Severity // overrides the question's severity for this option's gap
	Floors    []*Floor // knock-outs: choosing the option sets a floor under a level
	// Group names the one thing several options of a multi question are
	// ways of saying (WP248's vulnerable people: employees, children):
	// ticked together they count once, the most points among them, not
	// their sum. "" for an option that counts on its own.
	Group string
}

// Floor is a knock-out: an answer that puts a level at AtLeast or above,
// whatever the points and the other answers say, for the stated reason.
type Floor struct {
	Level   string
	AtLeast string
	Reason  string
	// If limits the knock-out to results where a condition on an earlier
	// level or a dimension holds, as no exit plan matters on its own only
	// for a service of high business criticality; nil: always.
	If *RuleCondition
	// ForbidsUse says the answer describes a use the law forbids (a
	// practice the EU AI Act prohibits): no measure, acceptance or
	// approval allows it, so an assessment it holds is not approved
	// (UseForbidden).
	ForbidsUse bool
}

// GapKind says whether an answer shows a gap.
type GapKind string

// Gap kinds. Auto: best points is no gap, worst is a full gap, anything
// between is partial.
const (
	GapAuto    GapKind = ""
	GapNone    GapKind = "none"
	GapPartial GapKind = "partial"
	GapFull    GapKind = "full"
)

// ScaleDef is a whole-number scale; Points[i] scores the value From+i, or
// the value itself when Points is empty.
type ScaleDef struct {
	From, To int
	Labels   map[int]string
	Points   []decimal.Decimal
}

// PointBand scores a number: the first band whose UpTo is at least the
// value applies; a band without UpTo catches the rest.
type PointBand struct {
	UpTo   *decimal.Decimal
	Points decimal.Decimal
	Label  string
}

// AgeBand scores a date by its age in days on the assessment date (or, for
// a question with Until, by the days from the assessment date until it):
// the first band whose WithinDays is at least that number applies. Either
// number is negative on the other side of the assessment date.
type AgeBand struct {
	WithinDays *int
	Points     decimal.Decimal
	Label      string
}

// Direction says whether more points are worse (risk, impact) or better
// (mitigation, control strength).
type Direction string

// Directions.
const (
	HigherWorse  Direction = "worse"
	HigherBetter Direction = "better"
)

// Dimension is a named score that questions feed.
type Dimension struct {
	ID          string
	Title       string
	Description string
	Higher      Direction
	// PercentOf says what a percentage of the dimension is a share of:
	// the maximum of the questions that count (the default), the
	// questionnaire's full maximum, or a declared maximum (Declared).
	PercentOf PercentBase
	Declared  decimal.Decimal
}

// PercentBase is what a dimension's percentages are shares of.
type PercentBase string

// Percentage bases. Counted: the weighted maxima of the visible,
// applicable questions that count (answered, or required and so counted
// as worst), so hidden, not-applicable and optional unanswered questions
// move it. Full: the weighted maxima of every question that feeds the
// dimension, whatever the answers, as the Canada AIA's "maximum score".
// Declared: a fixed number written in the questionnaire.
const (
	PercentOfCounted  PercentBase = "counted"
	PercentOfFull     PercentBase = "full"
	PercentOfDeclared PercentBase = "declared"
)

// LevelDef turns a dimension (bands), two other levels (matrix) or the
// register's risks into a named level on an ordered scale.
type LevelDef struct {
	ID         string
	Title      string
	Scale      []string          // least to most severe
	Meanings   map[string]string // what each level means or obliges
	Dimension  string            // bands: the dimension measured
	RelativeTo string            // bands in %: the dimension whose maximum is 100%; default Dimension
	Bands      []*Band
	Matrix     *LevelMatrix
	FromRisks  RiskPhase // the highest risk level in the register
}

// Band is one level's range. Bounds may be absolute points or percentages
// of the maximum.
type Band struct {
	Level string
	Lower *Bound // nil: unbounded below
	Upper *Bound // nil: unbounded above
}

// Bound is one end of a band.
type Bound struct {
	Value     decimal.Decimal
	Percent   bool // Value is a percentage of the maximum
	Inclusive bool
}

// LevelMatrix reads a level from two others: Cells[row][col], rows and
// columns in their scales' order.
type LevelMatrix struct {
	Rows, Cols string
	Cells      [][]string
}

// Rule adjusts a dimension when a condition on another dimension or level
// holds, as the Canada AIA lowers impact when mitigation is strong.
type Rule struct {
	ID     string
	Title  string
	If     *RuleCondition // nil: always
	Target string         // the dimension adjusted
	Op     RuleOp
	Amount decimal.Decimal
	Round  *RoundSpec
}

// RuleOp is what a rule does to its target.
type RuleOp string

// Rule operations.
const (
	OpMultiply RuleOp = "multiply"
	OpAdd      RuleOp = "add"
	OpSet      RuleOp = "set"
	OpCap      RuleOp = "cap"   // at most Amount
	OpFloor    RuleOp = "floor" // at least Amount
)

// RoundSpec rounds a rule's result.
type RoundSpec struct {
	Mode   decimal.Rounding
	Places int
}

// RuleCondition compares a dimension's current value or a level.
type RuleCondition struct {
	Dimension string
	Level     string
	Cmp       Comparator
	Threshold Bound  // for a dimension
	LevelName string // for a level
}

// Comparator is how a rule condition compares.
type Comparator string

// Comparators.
const (
	AtLeast Comparator = "at_least"
	Above   Comparator = "above"
	AtMost  Comparator = "at_most"
	Below   Comparator = "below"
	Is      Comparator = "is"
)

// SeverityRaise raises the severity of every question finding when a
// condition holds, as a vendor's inherent tier makes each gap more urgent.
type SeverityRaise struct {
	If    *RuleCondition
	By    int
	Title string
}

// RiskPhase is when a risk is rated: as found or after planned measures.
type RiskPhase string

// Risk phases.
const (
	Initial RiskPhase = "initial"
	After   RiskPhase = "after"
)

// RiskMatrix is the questionnaire's likelihood × impact grid. Cells[l][i]
// is the level of likelihood l and impact i (both least first); levels are
// severities, so a risk above Acceptable becomes a finding of that severity.
type RiskMatrix struct {
	Likelihood []string
	Impact     []string
	Cells      [][]Severity
	Acceptable Severity
}

// Level returns the cell for 1-based likelihood and impact ratings.
func (m *RiskMatrix) Level(likelihood, impact int) Severity {
	if likelihood < 1 || impact < 1 || likelihood > len(m.Likelihood) || impact > len(m.Impact) {
		return SeverityNone
	}
	return m.Cells[likelihood-1][impact-1]
}

// highest is the matrix's most severe cell: what an unrated risk counts
// as in the worst case.
func (m *RiskMatrix) highest() Severity {
	h := SeverityNone
	for _, row := range m.Cells {
		h = max(h, slices.Max(row))
	}
	return h
}

// lowest is its least severe cell: an unrated risk's best case.
func (m *RiskMatrix) lowest() Severity {
	l := m.Cells[0][0]
	for _, row := range m.Cells {
		l = min(l, slices.Min(row))
	}
	return l
}

// RiskDef describes a named risk in the register.
type RiskDef struct {
	Title string
	// NamedInNote marks a risk the analyst names in the answer's note (a
	// further risk the questionnaire could not list): rated, the register
	// and its finding call it by its note's first line.
	NamedInNote bool
}

// Recommendation is a pre-screen result: the assessment to run and why.
type Recommendation struct {
	Questionnaire string
	When          *condition.Expr
	Reason        string
}

// Deadlines gives the days allowed to remediate a finding of each severity.
type Deadlines map[Severity]int

// DefaultDeadlines are CISA BOD 19-02 and CISO Assistant's defaults:
// critical 15, high 30, medium 90, low 180 days.
func DefaultDeadlines() Deadlines {
	return Deadlines{Critical: 15, High: 30, Medium: 90, Low: 180}
}

// Required reports whether the question must be answered for a result to
// be complete, given the answers env shows: always, unless it is optional;
// an optional question with required_when, while that condition holds.
func (q *Question) Required(env condition.Env) bool {
	if q.RequiredWhen != nil {
		return q.RequiredWhen.Eval(env)
	}
	return !q.Optional
}
