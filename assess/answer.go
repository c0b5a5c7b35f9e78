package assess

import (
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
)

// Value is an answer's content; which field is used depends on the type.
type Value struct {
	Choices []string         `json:"choices,omitempty"` // control, single (one), multi
	Number  *decimal.Decimal `json:"number,omitempty"`  // scale, number
	Text    string           `json:"text,omitempty"`    // text
	Date    Date             `json:"date,omitzero"`     // date
	Risk    *RiskRating      `json:"risk,omitempty"`    // risk
}

// IsEmpty reports whether v holds no answer.
func (v Value) IsEmpty() bool {
	return len(v.Choices) == 0 && v.Number == nil && v.Text == "" && v.Date.IsZero() && (v.Risk == nil || !v.Risk.InitialRated())
}

// RiskRating rates a risk: likelihood and impact as found, and after the
// planned measures. Ratings are 1-based positions on the matrix's scales;
// 0 means not rated yet.
type RiskRating struct {
	Likelihood      int    `json:"likelihood"`
	Impact          int    `json:"impact"`
	AfterLikelihood int    `json:"after_likelihood,omitempty"`
	AfterImpact     int    `json:"after_impact,omitempty"`
	Measures        string `json:"measures,omitempty"` // the planned measures behind the after rating
	// PlanItems are the remediation plan items (by key: the question
	// whose finding made each) that carry out the planned measures, so
	// that the rating after measures can be traced to work with an owner
	// and a due date.
	PlanItems []string `json:"plan_items,omitempty"`
}

// MaxRiskPlanItems bounds the plan items one risk names.
const MaxRiskPlanItems = 100

// MaxEvidence bounds the evidence references one answer lists. A
// professional attaches tens, at most a few hundred; with no bound, a
// vendor's file gave one answer 200,000, and its PDF report took 16 s
// and 380 MB.
const MaxEvidence = 500

// CheckEvidenceCount refuses an answer that lists more evidence
// references than MaxEvidence. Each reference is bounded as free text
// (CleanText); their number is bounded here.
func CheckEvidenceCount(n int) error {
	if n > MaxEvidence {
		return Errorf(EInvalid, "%d evidence references, more than the %d an answer may list: remove at least %d (one document can list the rest)",
			n, MaxEvidence, n-MaxEvidence)
	}
	return nil
}

// InitialRated reports whether the risk has been rated as found.
func (r *RiskRating) InitialRated() bool { return r != nil && r.Likelihood > 0 && r.Impact > 0 }

// AfterRated reports whether the risk has been rated after measures.
func (r *RiskRating) AfterRated() bool {
	return r != nil && r.AfterLikelihood > 0 && r.AfterImpact > 0
}

// HigherAfter reports whether the risk is rated more likely, or worse in
// impact, after the planned measures than as found, which measures do
// not make a risk (RiskResult.RaisedByMeasures says which).
func (r *RiskRating) HigherAfter() bool {
	return r.InitialRated() && r.AfterRated() && (r.AfterLikelihood > r.Likelihood || r.AfterImpact > r.Impact)
}

// Source says who gave an answer.
type Source string

// Answer sources. A vendor's answer stays unreviewed until the analyst
// confirms or corrects it.
const (
	ByAnalyst Source = "analyst"
	ByVendor  Source = "vendor"
)

// Answer is a question's answer with the analyst's note and the evidence
// that supports it.
type Answer struct {
	QuestionID string    `json:"question"`
	Value      Value     `json:"value"`
	Note       string    `json:"note,omitempty"`
	Evidence   []string  `json:"evidence,omitempty"`
	Source     Source    `json:"source,omitempty"`
	Reviewed   bool      `json:"reviewed,omitempty"`
	UpdatedAt  time.Time `json:"updated_at,omitzero"`
	UpdatedBy  string    `json:"updated_by,omitempty"`
}

// Answered reports whether the answer holds a value (a note alone is not an answer).
func (a Answer) Answered() bool { return !a.Value.IsEmpty() }

// Answers indexes answers by question ID.
type Answers map[string]Answer

// MaxTextLength bounds free text, notes and evidence references.
const MaxTextLength = 20000

// Validate checks that v is a possible answer to q; an empty value is valid
// (it clears the answer). The error says what is allowed.
func (q *Question) Validate(v Value, m *RiskMatrix) error {
	if v.IsEmpty() {
		return nil
	}
	wrongShape := func(want string) error {
		return fmt.Errorf("question %s (%s) takes %s", q.ID, q.Type, want)
	}
	switch q.Type {
	case TypeControl, TypeSingle:
		if len(v.Choices) != 1 || v.Number != nil || v.Text != "" || !v.Date.IsZero() || v.Risk != nil {
			return wrongShape("exactly one of: " + q.optionValues())
		}
		if q.Option(v.Choices[0]) == nil {
			return fmt.Errorf("question %s has no option %q (options: %s)", q.ID, v.Choices[0], q.optionValues())
		}
	case TypeMulti:
		if len(v.Choices) == 0 || v.Number != nil || v.Text != "" || !v.Date.IsZero() || v.Risk != nil {
			return wrongShape("a list of: " + q.optionValues())
		}
		seen := map[string]bool{}
		for _, c := range v.Choices {
			o := q.Option(c)
			if o == nil {
				return fmt.Errorf("question %s has no option %q (options: %s)", q.ID, c, q.optionValues())
			}
			if seen[c] {
				return fmt.Errorf("question %s: option %q is chosen twice", q.ID, c)
			}
			seen[c] = true
			if (o.Exclusive || o.NA) && len(v.Choices) > 1 {
				return fmt.Errorf("question %s: %q cannot be combined with other options", q.ID, c)
			}
		}
	case TypeScale:
		if v.Number == nil || len(v.Choices) > 0 || v.Text != "" || !v.Date.IsZero() || v.Risk != nil {
			return wrongShape(fmt.Sprintf("a whole number from %d to %d", q.Scale.From, q.Scale.To))
		}
		n := *v.Number
		if n.Round(0, decimal.Down) != n || n < decimal.FromInt(int64(q.Scale.From)) || n > decimal.FromInt(int64(q.Scale.To)) {
			return fmt.Errorf("question %s takes a whole number from %d to %d, not %s", q.ID, q.Scale.From, q.Scale.To, n)
		}
	case TypeNumber:
		if v.Number == nil || len(v.Choices) > 0 || v.Text != "" || !v.Date.IsZero() || v.Risk != nil {
			return wrongShape(q.NumberRange())
		}
		if n := *v.Number; !q.InNumberRange(n) {
			return fmt.Errorf("question %s takes %s, not %s", q.ID, q.NumberRange(), n)
		}
	case TypeDate:
		if v.Date.IsZero() || len(v.Choices) > 0 || v.Number != nil || v.Text != "" || v.Risk != nil {
			return wrongShape("a date (YYYY-MM-DD)")
		}
	case TypeText:
		if len(v.Choices) > 0 || v.Number != nil || !v.Date.IsZero() || v.Risk != nil {
			return wrongShape("text")
		}
		if err := CheckText("answer", v.Text); err != nil {
			return fmt.Errorf("question %s: %w", q.ID, err)
		}
	case TypeRisk:
		if v.Risk == nil || len(v.Choices) > 0 || v.Number != nil || v.Text != "" || !v.Date.IsZero() {
			return wrongShape("a likelihood and impact rating")
		}
		return validateRisk(q.ID, *v.Risk, m)
	}
	return nil
}

func validateRisk(id string, r RiskRating, m *RiskMatrix) error {
	if m == nil {
		return fmt.Errorf("question %s is a risk but the questionnaire has no risk matrix", id)
	}
	check := func(what string, n int, scale []string) error {
		if n < 0 || n > len(scale) {
			return fmt.Errorf("risk %s: %s must be 1 to %d (%s), not %d", id, what, len(scale), strings.Join(scale, ", "), n)
		}
		return nil
	}
	for _, c := range []struct {
		what  string
		n     int
		scale []string
	}{
		{"likelihood", r.Likelihood, m.Likelihood}, {"impact", r.Impact, m.Impact},
		{"likelihood after measures", r.AfterLikelihood, m.Likelihood}, {"impact after measures", r.AfterImpact, m.Impact},
	} {
		if err := check(c.what, c.n, c.scale); err != nil {
			return err
		}
	}
	if (r.Likelihood == 0) != (r.Impact == 0) {
		return fmt.Errorf("risk %s: rate both likelihood and impact", id)
	}
	if (r.AfterLikelihood == 0) != (r.AfterImpact == 0) {
		return fmt.Errorf("risk %s: rate both likelihood and impact after measures", id)
	}
	if len(r.PlanItems) > MaxRiskPlanItems {
		return fmt.Errorf("risk %s: at most %d plan items, not %d", id, MaxRiskPlanItems, len(r.PlanItems))
	}
	seen := map[string]bool{}
	for _, key := range r.PlanItems {
		if strings.TrimSpace(key) == "" || seen[key] {
			return fmt.Errorf("risk %s: plan items must be distinct question IDs, not %q", id, key)
		}
		seen[key] = true
		if err := CheckText("plan item", key); err != nil {
			return fmt.Errorf("risk %s: %w", id, err)
		}
	}
	return CheckText("measures", r.Measures)
}

// Option finds an option by its value.
func (q *Question) Option(value string) *Option {
	for _, o := range q.Options {
		if o.Value == value {
			return o
		}
	}
	return nil
}

// NoneOption is what an empty selection means on a multiple-choice
// question that allows it: its one exclusive option that is not "not
// applicable", its "none of these". It is nil for other questions, where
// an empty selection is no answer.
func (q *Question) NoneOption() *Option {
	if q.Type != TypeMulti {
		return nil
	}
	var none *Option
	for _, o := range q.Options {
		if o.Exclusive && !o.NA {
			if none != nil {
				return nil // two candidates: an empty selection cannot say which
			}
			none = o
		}
	}
	return none
}

func (q *Question) optionValues() string {
	vs := make([]string, len(q.Options))
	for i, o := range q.Options {
		vs[i] = o.Value
	}
	return strings.Join(vs, ", ")
}

// Display renders an answer's value for people: option labels, numbers
// with their unit, risk ratings by name.
func (q *Question) Display(v Value, m *RiskMatrix) string {
	if v.IsEmpty() {
		return ""
	}
	switch q.Type {
	case TypeControl, TypeSingle, TypeMulti:
		if len(v.Choices) == 1 {
			if o := q.Option(v.Choices[0]); o != nil {
				return o.Label
			}
			return v.Choices[0]
		}
		labels := make([]string, 0, len(v.Choices))
		for _, c := range v.Choices {
			if o := q.Option(c); o != nil {
				labels = append(labels, o.Label)
			} else {
				labels = append(labels, c)
			}
		}
		return strings.Join(labels, "; ")
	case TypeScale:
		n := int(v.Number.Int())
		if l, ok := q.Scale.Labels[n]; ok {
			return fmt.Sprintf("%d (%s)", n, l)
		}
		return fmt.Sprintf("%d of %d", n, q.Scale.To)
	case TypeNumber:
		if q.Unit != "" {
			return v.Number.String() + " " + q.Unit
		}
		return v.Number.String()
	case TypeDate:
		return v.Date.String()
	case TypeRisk:
		return displayRisk(*v.Risk, m)
	}
	return v.Text
}

func displayRisk(r RiskRating, m *RiskMatrix) string {
	if m == nil {
		return ""
	}
	s := fmt.Sprintf("likelihood %s, impact %s (%s)", m.Likelihood[r.Likelihood-1], m.Impact[r.Impact-1], m.Level(r.Likelihood, r.Impact))
	if r.AfterRated() {
		s += fmt.Sprintf("; after measures: likelihood %s, impact %s (%s)",
			m.Likelihood[r.AfterLikelihood-1], m.Impact[r.AfterImpact-1], m.Level(r.AfterLikelihood, r.AfterImpact))
	}
	return s
}

// conditionValue is how the answer looks to conditions on later questions.
func (q *Question) conditionValue(v Value) condition.Value {
	switch q.Type {
	case TypeControl, TypeSingle:
		return condition.Value{Kind: condition.Text, Str: v.Choices[0]}
	case TypeMulti:
		return condition.Value{Kind: condition.Set, Set: v.Choices}
	case TypeScale, TypeNumber:
		return condition.Value{Kind: condition.Number, Num: *v.Number}
	case TypeDate:
		return condition.Value{Kind: condition.Text, Str: v.Date.String()}
	case TypeText:
		return condition.Value{Kind: condition.Text, Str: v.Text}
	}
	return condition.Value{}
}

// NumberRange says what a number question takes, in the words of a
// scale's "a whole number from 1 to 5": "a number", "a whole number of 0
// or more", "a number from 0 to 100", "a number of 100 or less".
func (q *Question) NumberRange() string {
	s := "a number"
	if q.Whole {
		s = "a whole number"
	}
	switch b := q.NumberBounds(); {
	case q.Min != nil && q.Max != nil:
		s += " " + b
	case b != "":
		s += " of " + b
	}
	return s
}

// NumberBounds is the number question's bounds in words: "from 0 to
// 100", "0 or more", "100 or less", or "" when it has none.
func (q *Question) NumberBounds() string {
	switch {
	case q.Min != nil && q.Max != nil:
		return fmt.Sprintf("from %s to %s", q.Min, q.Max)
	case q.Min != nil:
		return fmt.Sprintf("%s or more", q.Min)
	case q.Max != nil:
		return fmt.Sprintf("%s or less", q.Max)
	}
	return ""
}

// InNumberRange reports whether n is an answer the number question
// takes: within its bounds, and whole if it takes whole numbers.
func (q *Question) InNumberRange(n decimal.Decimal) bool {
	return (!q.Whole || n.Round(0, decimal.Down) == n) && (q.Min == nil || n >= *q.Min) && (q.Max == nil || n <= *q.Max)
}
