package questionnaires

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// resolveConditions parses every condition once all questions are known,
// binds references to question indices, and checks each comparison against
// the question it names: it must come earlier, and the value compared must
// be one the question can take.
func (l *loader) resolveConditions() {
	for _, pc := range l.pendingWhen {
		src := pc.v.Str()
		if !pc.v.IsScalar() {
			continue // Str has said it is not text: one mistake, one problem
		}
		expr, err := condition.Parse(src)
		if err != nil {
			var ce *condition.Error
			if errors.As(err, &ce) {
				pc.v.ProblemAt(ce.Pos, "see the condition language in docs/questionnaire-format.md", "condition: %s", ce.Msg)
			} else {
				pc.v.Problem("", "condition: %v", err)
			}
			continue
		}
		ok := true
		for _, ce := range expr.Bind(func(name string) (int, bool) {
			q, found := l.q.Question(name)
			if !found {
				return 0, false
			}
			return q.Index, true
		}) {
			pc.v.ProblemAt(ce.Pos, yamlx.Suggest(strings.TrimPrefix(ce.Msg, "unknown question "), l.questionIDs()), "condition: %s", ce.Msg)
			ok = false
		}
		for _, c := range expr.Comparisons() {
			q, found := l.q.Question(c.Ref.Name)
			if !found {
				continue
			}
			if q.Index >= pc.before {
				pc.v.ProblemAt(c.Ref.Pos, "a condition can only look at questions asked before it", "condition: %s is not asked before this point", q.ID)
				ok = false
				continue
			}
			if msg, hint := checkComparison(q, c); msg != "" {
				at := c.Ref.Pos
				if len(c.Literals) > 0 {
					at = c.Literals[0].Pos
				}
				pc.v.ProblemAt(at, hint, "condition: %s", msg)
				ok = false
			}
		}
		if ok {
			ok = l.checkOutcomes(pc, src, expr)
		}
		if ok {
			pc.set(expr)
		}
	}
}

// checkOutcomes refuses a condition whose outcome no answer changes: one
// that reads no answer (true, false, not false), one that holds or fails
// whatever the answers it reads (area == 'content' or true, answered(a)
// or not answered(a), a == 'few' and a == 'many'). It decides nothing:
// the question it guards is always or never asked, the severity always
// or never changed, while the file reads as if the answers decided. It
// returns whether the condition is kept. Where the place has its own way
// to say "always" or "never" (pc.always, pc.never), the hint gives it.
func (l *loader) checkOutcomes(pc pendingCondition, src string, expr *condition.Expr) bool {
	holds, fails, tried := outcomes(l.q, expr)
	hint := "a condition decides from earlier answers: compare an earlier answer, or remove the condition"
	if holds && pc.always != "" || !holds && pc.never != "" {
		hint = "a condition decides from earlier answers: compare an earlier answer, or, " + pc.never
		if holds {
			hint = "a condition decides from earlier answers: compare an earlier answer, or, " + pc.always
		}
	}
	v := pc.v
	switch {
	case !tried || holds && fails:
		return true
	case len(expr.Comparisons()) == 0 && holds:
		v.Problem(hint, "condition: %s reads no answer, so it always holds", src)
	case len(expr.Comparisons()) == 0:
		v.Problem(hint, "condition: %s reads no answer, so it never holds", src)
	case holds && pc.always != "":
		v.Problem("every answer, none included, makes it hold; compare the answers that should, or, "+pc.always,
			"condition: %s holds whatever the answers, so it decides nothing", src)
	case holds:
		v.Problem("every answer, none included, makes it hold; remove it, or compare the answers that should",
			"condition: %s holds whatever the answers, so it decides nothing", src)
	default:
		v.Problem("its comparisons can each hold, but never all at once", "condition: %s can never hold, whatever the answers", src)
	}
	return false
}

// questionIDs lists the questions' valid ids, for suggestions: a refused
// one, such as "аdmins" with a Cyrillic а, is never the one to use.
func (l *loader) questionIDs() []string {
	ids := make([]string, 0, len(l.q.Questions))
	for _, q := range l.q.Questions {
		if condition.IsValidRef(q.ID) {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// checkComparison returns a message (and a hint) when a comparison can
// never be true or makes no sense for the question's type.
func checkComparison(q *assess.Question, c condition.Comparison) (string, string) {
	if c.Op == "answered" {
		return "", ""
	}
	if c.Count {
		if q.Type != assess.TypeMulti {
			return fmt.Sprintf("count(%s): %s is a %s question, not multiple choice", q.ID, q.ID, q.Type), ""
		}
		for _, lit := range c.Literals {
			if !lit.IsNumber {
				return fmt.Sprintf("count(%s) is a number; compare it with a number, not %s", q.ID, lit), ""
			}
		}
		return checkReach(fmt.Sprintf("count(%s)", q.ID), c, 1, maxChoices(q), fmt.Sprintf("an answer to %s chooses 1 to %d options", q.ID, maxChoices(q)))
	}
	values := optionValues(q)
	switch q.Type {
	case assess.TypeControl, assess.TypeSingle:
		if !slices.Contains([]string{"==", "!=", "in"}, c.Op) {
			return fmt.Sprintf("%s %s: a %s answer can be compared only with ==, != or in", q.ID, c.Op, q.Type), ""
		}
		for _, lit := range c.Literals {
			if lit.IsNumber || !slices.Contains(values, lit.Str) {
				return fmt.Sprintf("%s can never be %s", q.ID, lit), "its options are " + strings.Join(values, ", ")
			}
		}
	case assess.TypeMulti:
		if c.Op != "contains" {
			return fmt.Sprintf("%s %s: a multiple-choice answer is tested with contains, or count(%s)", q.ID, c.Op, q.ID), fmt.Sprintf("%s contains 'value'", q.ID)
		}
		if lit := c.Literals[0]; !slices.Contains(values, lit.Str) {
			return fmt.Sprintf("%s can never contain %s", q.ID, lit), "its options are " + strings.Join(values, ", ")
		}
	case assess.TypeScale, assess.TypeNumber:
		if c.Op == "contains" {
			return fmt.Sprintf("%s is a number; use ==, <, >= and so on", q.ID), ""
		}
		for _, lit := range c.Literals {
			if !lit.IsNumber {
				return fmt.Sprintf("%s is a number; compare it with a number, not %s", q.ID, lit), ""
			}
		}
		if q.Type == assess.TypeScale {
			return checkScaleReach(q, c)
		}
		return checkNumberReach(q, c)
	case assess.TypeDate:
		if c.Op == "contains" {
			return fmt.Sprintf("%s is a date; use ==, <, >= and so on", q.ID), ""
		}
		for _, lit := range c.Literals {
			if _, err := assess.ParseDate(lit.Str); lit.IsNumber || err != nil {
				return fmt.Sprintf("%s is a date; compare it with a quoted date such as '2026-01-31', not %s", q.ID, lit), ""
			}
		}
	case assess.TypeText:
		if !slices.Contains([]string{"==", "!=", "in"}, c.Op) {
			return fmt.Sprintf("%s is free text; it can be compared only with ==, != or in", q.ID), "or test answered(" + q.ID + ")"
		}
		for _, lit := range c.Literals {
			if lit.IsNumber {
				return fmt.Sprintf("%s is free text and never equals the number %s", q.ID, lit), "quote the value: '" + lit.Str + "'"
			}
			if c.Op != "!=" && !textAnswerCanBe(lit.Str) {
				return fmt.Sprintf("%s can never be %s: an empty answer is no answer, and an answer holds no control characters", q.ID, lit), "test not answered(" + q.ID + ")"
			}
		}
	case assess.TypeRisk:
		return fmt.Sprintf("%s is a risk rating; conditions can only test answered(%s)", q.ID, q.ID), ""
	}
	return "", ""
}

// checkScaleReach rejects scale comparisons no answer can satisfy.
func checkScaleReach(q *assess.Question, c condition.Comparison) (string, string) {
	return checkReach(q.ID, c, q.Scale.From, q.Scale.To, fmt.Sprintf("the scale runs from %d to %d", q.Scale.From, q.Scale.To))
}

// checkNumberReach rejects comparisons no answer to a number question with
// min, max or whole can satisfy, as checkScaleReach does for a scale.
func checkNumberReach(q *assess.Question, c condition.Comparison) (string, string) {
	if q.Min == nil && q.Max == nil && !q.Whole {
		return "", ""
	}
	return checkSpan(q.ID, c, q.Min, q.Max, q.Whole, fmt.Sprintf("%s takes %s", q.ID, q.NumberRange()))
}

// maxChoices is the most options one answer to a multiple-choice question
// can hold: all the options that combine, or 1 when there are none.
func maxChoices(q *assess.Question) int {
	n := 0
	for _, o := range q.Options {
		if !o.Exclusive && !o.NA {
			n++
		}
	}
	return max(n, 1)
}

// checkReach rejects comparisons no whole number from lo to hi satisfies.
func checkReach(what string, c condition.Comparison, from, to int, span string) (string, string) {
	lo, hi := decimal.FromInt(int64(from)), decimal.FromInt(int64(to))
	return checkSpan(what, c, &lo, &hi, true, span)
}

// checkSpan rejects comparisons no number from lo to hi (either nil: no
// bound), whole if whole is set, satisfies.
func checkSpan(what string, c condition.Comparison, lo, hi *decimal.Decimal, whole bool, span string) (string, string) {
	for _, lit := range c.Literals {
		n := lit.Num
		never := false
		switch c.Op {
		case "==", "in":
			never = lo != nil && n < *lo || hi != nil && n > *hi || whole && n.Round(0, decimal.Down) != n
		case "<":
			never = lo != nil && n <= *lo
		case "<=":
			never = lo != nil && n < *lo
		case ">":
			never = hi != nil && n >= *hi
		case ">=":
			never = hi != nil && n > *hi
		}
		if never {
			return fmt.Sprintf("%s %s %s can never be true", what, c.Op, n), span
		}
	}
	return "", ""
}

func optionValues(q *assess.Question) []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Value
	}
	return out
}
