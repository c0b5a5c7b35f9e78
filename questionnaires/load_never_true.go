package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/decimal"
)

// maxTries bounds the answers outcomes tries: a condition on a few
// choice questions has a few hundred combinations; one that reads many
// large multiple-choice questions is left untried.
const maxTries = 100_000

// outcomes tries a bound condition on every answer the questions it
// reads can have, each comparison being possible on its own
// (checkComparison), and reports whether some answers make it hold and
// whether some make it fail: admins == 'few' and admins == 'many' never
// holds, answered(admins) or not answered(admins) never fails. It tries
// every value each question can show the condition (valuesOf), none
// (unanswered or hidden) included, when the combinations are few enough;
// otherwise tried is false. A condition that reads no question (true,
// false) is tried once, on no answers.
func outcomes(q *assess.Questionnaire, expr *condition.Expr) (holds, fails, tried bool) {
	var refs []int
	seen := map[int]bool{}
	named := map[int][]condition.Literal{} // the values compared with each question
	for _, c := range expr.Comparisons() {
		if !seen[c.Ref.Index] {
			seen[c.Ref.Index] = true
			refs = append(refs, c.Ref.Index)
		}
		named[c.Ref.Index] = append(named[c.Ref.Index], c.Literals...)
	}
	domains := make([][]condition.Value, len(refs))
	tries := 1
	for i, at := range refs {
		domains[i] = valuesOf(q.Questions[at], named[at])
		if domains[i] == nil {
			return false, false, false
		}
		if tries *= len(domains[i]); tries > maxTries {
			return false, false, false
		}
	}
	env := triedValues{}
	var try func(int) bool // false once both outcomes are seen: no need to go on
	try = func(i int) bool {
		if i == len(refs) {
			if expr.Eval(env) {
				holds = true
			} else {
				fails = true
			}
			return !holds || !fails
		}
		for _, v := range domains[i] {
			env[refs[i]] = v
			if !try(i + 1) {
				return false
			}
		}
		return true
	}
	try(0)
	return holds, fails, true
}

type triedValues map[int]condition.Value

func (t triedValues) Value(i int) condition.Value { return t[i] }

// valuesOf lists every value a question can show a condition, none
// first, or, for a number, date or text question, one of each class of
// values the literals it is compared with (named) tell apart: a condition
// that holds for none of them holds for no answer. nil for a multiple
// choice of more than 12 options, too many to try.
func valuesOf(qq *assess.Question, named []condition.Literal) []condition.Value {
	out := []condition.Value{{}}
	switch qq.Type {
	case assess.TypeControl, assess.TypeSingle:
		for _, o := range qq.Options {
			out = append(out, condition.Value{Kind: condition.Text, Str: o.Value})
		}
	case assess.TypeMulti:
		if len(qq.Options) > 12 {
			return nil
		}
		for set := 1; set < 1<<len(qq.Options); set++ {
			var chosen []string
			for i, o := range qq.Options {
				if set&(1<<i) != 0 {
					chosen = append(chosen, o.Value)
				}
			}
			out = append(out, condition.Value{Kind: condition.Set, Set: chosen})
		}
	case assess.TypeScale:
		if qq.Scale == nil {
			return nil
		}
		for n := qq.Scale.From; n <= qq.Scale.To; n++ {
			out = append(out, condition.Value{Kind: condition.Number, Num: decimal.FromInt(int64(n))})
		}
	case assess.TypeNumber:
		for _, n := range numbersAround(qq, named) {
			out = append(out, condition.Value{Kind: condition.Number, Num: n})
		}
	case assess.TypeDate:
		for _, d := range datesAround(named) {
			out = append(out, condition.Value{Kind: condition.Text, Str: d})
		}
	case assess.TypeText:
		for _, s := range textsAmong(named) {
			out = append(out, condition.Value{Kind: condition.Text, Str: s})
		}
	default:
		return nil
	}
	return out
}
