package assess

import (
	"fmt"

	"github.com/assay-dev/assay/assess/decimal"
)

// ScoringVersion names the scoring rules; every stored result records it so
// that a change to the engine never silently rewrites an old result.
//
// Version 2 added knock-outs (floors under levels), findings limited to a
// level, percentages of a fixed maximum, rules and bands that do not apply
// to a dimension where no question counts, and counts of visible questions
// that include the optional ones.
//
// Version 3 counts a required risk nobody has rated as its worst rating in
// the levels read from the register (and as its lowest in the best case),
// as every other unanswered required question counts, and adds
// required_when, a question optional except while its condition holds.
//
// Version 4 changes no level: its summaries say whether an answer
// describes a use the law forbids (Summary.UseForbidden), so that lists
// say the system must not be used of an assessment an older assay scored
// and nobody changes again (a rejected or approved one), once scored
// again (store.RescoreOlder).
const ScoringVersion = "assay-scoring/4"

// Result is everything the engine concluded from a set of answers, with
// the working shown: each number can be traced to the answers behind it.
type Result struct {
	ScoringVersion       string `json:"scoring_version"`
	QuestionnaireID      string `json:"questionnaire"`
	QuestionnaireVersion string `json:"questionnaire_version"`
	Digest               string `json:"questionnaire_digest"`
	AsOf                 Date   `json:"as_of"`

	Complete bool `json:"complete"`
	// Total counts every visible question, optional ones included, and
	// Answered those of them with an answer: "answered 1 of 101" never
	// reads "1 of 1" because 100 of the questions are optional.
	Total      int      `json:"questions_visible"`
	Answered   int      `json:"questions_answered"`
	Unanswered []string `json:"unanswered"` // visible, required, unanswered: counted as worst
	// HiddenAnswered lists questions that are hidden under the current
	// answers but keep an answer: kept, never counted.
	HiddenAnswered []string `json:"hidden_with_answers"`

	Questions       []QuestionResult       `json:"questions"`
	Sections        []SectionResult        `json:"sections"`
	Dimensions      []*DimensionResult     `json:"dimensions"`
	Rules           []RuleResult           `json:"rules"`
	Levels          []LevelResult          `json:"levels"`
	Outcome         *LevelResult           `json:"outcome,omitempty"`
	Risks           []RiskResult           `json:"risks,omitempty"`
	Findings        []Finding              `json:"findings"`
	Recommendations []RecommendationResult `json:"recommendations,omitempty"`
	// Disagreements are the questionnaire's consistency checks that hold:
	// answers that cannot all be true. They change no number above; the
	// report, the summary and the interview list them for the reviewer.
	Disagreements []Disagreement `json:"disagreements,omitempty"`
}

// Status is what an answer shows about its question.
type Status string

// Answer statuses.
const (
	StatusHidden     Status = "hidden"     // not shown under the current answers
	StatusUnanswered Status = "unanswered" // shown, no answer
	StatusNA         Status = "n/a"        // not applicable: out of the score
	StatusMet        Status = "met"        // no gap
	StatusPartial    Status = "partial"    // partial gap
	StatusGap        Status = "gap"        // full gap
	StatusInfo       Status = "answered"   // answered; makes no gap either way
)

// QuestionResult is one question's part in the result.
type QuestionResult struct {
	ID       string `json:"id"`
	Visible  bool   `json:"visible"`
	Answered bool   `json:"answered"`
	// Required: shown, and to be answered for the result to be complete
	// (not optional, or its required_when holds).
	Required  bool            `json:"required"`
	Status    Status          `json:"status"`
	Answer    string          `json:"answer,omitempty"` // as people read it
	Dimension string          `json:"dimension,omitempty"`
	Weight    decimal.Decimal `json:"weight"`
	Points    decimal.Decimal `json:"points"` // weighted, what it added to its dimension
	Max       decimal.Decimal `json:"max"`    // weighted, what it added to the maximum
	Why       string          `json:"why,omitempty"`
	// GapNotRequired: the answer is a gap the questionnaire requires
	// closed only from a higher level (finding_if does not hold). It shows
	// "answered" and makes no finding, but the measure is missing:
	// coverage never counts it as evidence that a control is met.
	GapNotRequired bool `json:"gap_not_required,omitempty"`
}

// Counts reports whether the question counts in its dimension.
func (r QuestionResult) Counts() bool {
	return r.Visible && r.Dimension != "" && r.Status != StatusNA
}

// SectionResult summarises a section.
type SectionResult struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Visible    bool         `json:"visible"`
	Total      int          `json:"questions_visible"`
	Answered   int          `json:"questions_answered"`
	Dimensions []SectionDim `json:"dimensions,omitempty"`
}

// SectionDim is a section's share of one dimension.
type SectionDim struct {
	Dimension string          `json:"dimension"`
	Points    decimal.Decimal `json:"points"`
	Max       decimal.Decimal `json:"max"`
}

// DimensionResult is a dimension's total, before and after rules.
type DimensionResult struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Higher Direction       `json:"higher_is"`
	Raw    decimal.Decimal `json:"raw"`   // sum of weighted points of counted questions
	Value  decimal.Decimal `json:"value"` // after rules
	Max    decimal.Decimal `json:"max"`   // sum of weighted maxima of counted questions
	Min    decimal.Decimal `json:"min"`
	// Base is what percentages are shares of: Max, the questionnaire's
	// full maximum, or a declared one, as PercentOf says.
	Base      decimal.Decimal `json:"percent_of_max"`
	PercentOf PercentBase     `json:"percent_of"`
	Percent   decimal.Decimal `json:"percent"` // Value as % of Base, one decimal place
	// Questions are the indices (into Result.Questions) of what counted.
	Questions []int `json:"-"`
}

// Empty reports a dimension where no question counts (its maximum is 0):
// a rule conditioned on it is not applicable and a level banded on it has
// no step, since "0 of 0" says nothing either way.
func (d *DimensionResult) Empty() bool { return d.Max == 0 }

// RuleResult records whether a rule applied and what it changed.
type RuleResult struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Applied bool   `json:"applied"`
	// NotApplicable marks a rule whose condition is on an empty dimension.
	NotApplicable bool            `json:"not_applicable,omitempty"`
	Why           string          `json:"why"`
	Target        string          `json:"target"`
	Before        decimal.Decimal `json:"before"`
	After         decimal.Decimal `json:"after"`
}

// LevelResult is a level and how it was reached.
type LevelResult struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Level   string `json:"level"`
	Rank    int    `json:"rank"` // position in the scale, 0 = least severe
	Of      int    `json:"of"`   // size of the scale
	Meaning string `json:"meaning,omitempty"`
	Why     string `json:"why"`
	// NotRated marks a level read from the risk register before any risk
	// is rated: Level is empty and Rank -1 until one is.
	NotRated bool `json:"not_rated,omitempty"`
	// NotApplicable marks a level banded on a dimension where no question
	// counts, or a matrix read from such a level.
	NotApplicable bool `json:"not_applicable,omitempty"`
	// Floors are the knock-outs that hold on this level, in question
	// order; Raised says one of them set the level above what the bands,
	// matrix or register gave, which was Unfloored (empty if none).
	Floors    []FloorResult `json:"floors,omitempty"`
	Raised    bool          `json:"raised_by_floor,omitempty"`
	Unfloored string        `json:"before_floors,omitempty"`
	// Unsettled marks a level that answers still to come could change:
	// with the unanswered questions counted as the best answer instead of
	// the worst, it would be BestCase. Level is then the worst case, not
	// a rating (see settle).
	Unsettled bool   `json:"unsettled,omitempty"`
	BestCase  string `json:"best_case,omitempty"`
}

// BestCaseRated reports whether the best case of a level not rated yet is
// a level: with the unanswered questions counted as the best answers, a
// DPIA whose risks are unrated still has none ("not rated").
func (l LevelResult) BestCaseRated() bool {
	switch l.BestCase {
	case "", "not rated", "not applicable", "not determined":
		return false
	}
	return true
}

// Knockout is the knock-out that set the level, if one raised it: the
// first, in question order, of the floors at the level's step.
func (l LevelResult) Knockout() (FloorResult, bool) {
	if !l.Raised {
		return FloorResult{}, false
	}
	for _, f := range l.Floors {
		if f.AtLeast == l.Level {
			return f, true
		}
	}
	return FloorResult{}, false
}

// FloorResult is a knock-out that holds: the answer that sets a floor under
// a level, the floor and its reason.
type FloorResult struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
	AtLeast  string `json:"at_least"`
	Reason   string `json:"reason"`
	// Condition says why a knock-out with an if holds here ("Business
	// criticality is high; the condition is at least high: yes").
	Condition string `json:"condition,omitempty"`
	// ForbidsUse: the answer describes a use the law forbids
	// (Floor.ForbidsUse).
	ForbidsUse bool `json:"forbids_use,omitempty"`

	cond *RuleCondition // the floor's if, checked when its level is computed
}

// UnansweredWorst counts the required questions still unanswered that
// are counted as their worst answers: the scored ones of Unanswered, not
// a description or a risk still to rate.
func (r *Result) UnansweredWorst() int {
	n := 0
	for _, qr := range r.Questions {
		if qr.Status == StatusUnanswered && qr.Dimension != "" {
			n++
		}
	}
	return n
}

// UnansweredSummary counts, in a few words, the required questions still
// unanswered, those of them counted as their worst answers, and those
// left over because they score no points (a description, a risk still to
// rate, what data a vendor holds): "59 unanswered, 50 counted as worst
// and 9 that score no points", or "61 required unanswered, …" when
// optional questions are unanswered too. Without the last clause a
// reader cannot tell why some are not counted.
func (r *Result) UnansweredSummary() string {
	n, worst := len(r.Unanswered), r.UnansweredWorst()
	// Beside "Answered: 26 of 35", "4 unanswered" reads as a sum gone
	// wrong when optional questions are left blank too: say which.
	what := "unanswered"
	if r.Total-r.Answered > n {
		what = "required unanswered"
	}
	switch worst {
	case n:
		return fmt.Sprintf("%d %s, counted as worst", n, what)
	case 0:
		return fmt.Sprintf("%d %s", n, what)
	}
	return fmt.Sprintf("%d %s, %d counted as worst and %s", n, what, worst, ScoreNoPoints(n-worst))
}

// ScoreNoPoints says how many unanswered questions score no points: "1
// that scores no points", "9 that score no points".
func ScoreNoPoints(n int) string {
	if n == 1 {
		return "1 that scores no points"
	}
	return fmt.Sprintf("%d that score no points", n)
}

// Unanswered reports whether the floor is one an unanswered question sets,
// counted as its worst answer, rather than an answer given.
func (f FloorResult) Unanswered() bool { return f.Answer == unansweredFloor }

// AnswerClause is how the floor's question was answered, as a clause:
// `answered "No"`, or "unanswered and counted as its worst answer".
func (f FloorResult) AnswerClause() string {
	if f.Unanswered() {
		return "unanswered and counted as its worst answer"
	}
	return fmt.Sprintf("answered %q", f.Answer)
}

// NotRatedYet is what a level that answers still to come could change
// is called wherever a level is shown.
const NotRatedYet = "not rated yet"

// Headline is the level as a screen's headline shows it: its name, or
// "not rated yet" while answers still to come could change it.
func (l LevelResult) Headline() string {
	if l.Unsettled {
		return NotRatedYet
	}
	return l.Name()
}

// Name is the level as people read it: its step, "not rated" for a
// register level with no rated risk, "not applicable" for a level on a
// dimension where no question counts, "not determined" when no band or
// cell gives one.
func (l LevelResult) Name() string {
	switch {
	case l.Level != "":
		return l.Level
	case l.NotRated:
		return "not rated"
	case l.NotApplicable:
		return "not applicable"
	}
	return "not determined"
}

// RiskResult is a risk of the register with its ratings.
type RiskResult struct {
	QuestionID string    `json:"question"`
	Title      string    `json:"title"`
	Initial    *RiskCell `json:"initial,omitempty"`
	After      *RiskCell `json:"after,omitempty"`
	Current    Severity  `json:"current"` // after measures if rated, else as found
	Acceptable bool      `json:"acceptable"`
	Measures   string    `json:"measures,omitempty"`
	PlanItems  []string  `json:"plan_items,omitempty"` // the plan items that carry the measures out
}

// RaisedByMeasures says which of the risk's ratings are higher after the
// planned measures than as found ("likelihood limited as found,
// significant after"), none when neither is. Measures do not make a risk
// more likely or its impact worse: such a rating is taken as given, and
// shown for a check.
func (r RiskResult) RaisedByMeasures() []string {
	if r.Initial == nil || r.After == nil {
		return nil
	}
	var rose []string
	if r.After.Likelihood > r.Initial.Likelihood {
		rose = append(rose, fmt.Sprintf("likelihood %s as found, %s after", r.Initial.LikelihoodName, r.After.LikelihoodName))
	}
	if r.After.Impact > r.Initial.Impact {
		rose = append(rose, fmt.Sprintf("impact %s as found, %s after", r.Initial.ImpactName, r.After.ImpactName))
	}
	return rose
}

// RiskCell is one rating on the matrix.
type RiskCell struct {
	Likelihood     int      `json:"likelihood"`
	Impact         int      `json:"impact"`
	LikelihoodName string   `json:"likelihood_name"`
	ImpactName     string   `json:"impact_name"`
	Level          Severity `json:"level"`
}

// RecommendationResult is a pre-screen's conclusion.
type RecommendationResult struct {
	Questionnaire string `json:"questionnaire"`
	Reason        string `json:"reason"`
}

// Finding is a gap that needs remediation.
type Finding struct {
	Key          string   `json:"key"` // stable: the question ID
	QuestionID   string   `json:"question"`
	Section      string   `json:"section"`
	Question     string   `json:"text"`
	Answer       string   `json:"answer"`
	Severity     Severity `json:"severity"`
	BaseSeverity Severity `json:"base_severity"`
	SeverityWhy  []string `json:"severity_why,omitempty"`
	Partial      bool     `json:"partial"`
	Controls     Controls `json:"controls"`
	Action       string   `json:"action"`
	Note         string   `json:"note,omitempty"`
	Evidence     []string `json:"evidence,omitempty"`
	// Lapse names what ends on LapsesOn, the date answered, in the
	// questionnaire's words ("the certificate's expiry"): remediation
	// must come before it (see LapsesBefore). Empty for a question
	// without lapse.
	Lapse    string `json:"lapse,omitempty"`
	LapsesOn Date   `json:"lapses_on,omitzero"`
}

// LapsesBefore reports whether the finding's date lapses before due while
// it is still ahead of the assessment on assessedOn: then the plan item
// falls due on that date. A date on the assessment day itself still holds
// that day (an until question counts it as 0 days left, not expired). A
// date already past when assessed has lapsed: there is nothing left to
// beat, and the severity's deadline (high for an expired certificate)
// says how soon to put it right.
func (f Finding) LapsesBefore(due, assessedOn Date) bool {
	return f.Lapse != "" && !f.LapsesOn.IsZero() && !f.LapsesOn.Before(assessedOn) && f.LapsesOn.Before(due)
}

// Question returns the result for a question ID.
func (r *Result) Question(id string) (QuestionResult, bool) {
	for _, q := range r.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return QuestionResult{}, false
}

// Dimension returns the result for a dimension ID.
func (r *Result) Dimension(id string) *DimensionResult {
	for _, d := range r.Dimensions {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Level returns the result for a level ID.
func (r *Result) Level(id string) (LevelResult, bool) {
	for _, l := range r.Levels {
		if l.ID == id {
			return l, true
		}
	}
	return LevelResult{}, false
}

// Progress is answered over visible required questions, as a percentage.
func (r *Result) Progress() int {
	if r.Total == 0 {
		return 100
	}
	return r.Answered * 100 / r.Total
}
