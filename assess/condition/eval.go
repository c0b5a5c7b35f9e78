package condition

import (
	"github.com/assay-dev/assay/assess/decimal"
)

// Value is what a question's answer looks like to a condition.
type Value struct {
	Kind ValueKind
	Str  string          // single choice value, text, or date
	Num  decimal.Decimal // number or scale
	Set  []string        // multiple choice
}

// ValueKind tells which field of a Value holds the answer.
type ValueKind uint8

// The kinds of value a condition can see. None means unanswered or hidden.
const (
	None ValueKind = iota
	Text
	Number
	Set
)

// Env gives a condition the current value of the question at an index.
type Env interface {
	Value(index int) Value
}

// Eval evaluates a bound expression. A nil expression is true: no
// condition means always shown.
func (e *Expr) Eval(env Env) bool {
	if e == nil {
		return true
	}
	return e.root.eval(env)
}

func (n *andNode) eval(env Env) bool { return n.l.eval(env) && n.r.eval(env) }
func (n *orNode) eval(env Env) bool  { return n.l.eval(env) || n.r.eval(env) }
func (n *notNode) eval(env Env) bool { return !n.x.eval(env) }
func (n *constNode) eval(Env) bool   { return n.v }
func (n *answeredNode) eval(env Env) bool {
	return n.ref.Index >= 0 && env.Value(n.ref.Index).Kind != None
}

func (n *cmpNode) eval(env Env) bool {
	if n.ref.Index < 0 {
		return false
	}
	v := env.Value(n.ref.Index)
	if v.Kind == None {
		return false
	}
	if n.count {
		if v.Kind != Set {
			return false
		}
		v = Value{Kind: Number, Num: decimal.FromInt(int64(len(v.Set)))}
	}
	switch n.op {
	case "contains":
		if v.Kind != Set {
			return false
		}
		for _, s := range v.Set {
			if s == n.lits[0].Str {
				return true
			}
		}
		return false
	case "in":
		for _, l := range n.lits {
			if compare(v, l) == 0 {
				return true
			}
		}
		return false
	}
	c := compare(v, n.lits[0])
	if c == incomparable {
		return false
	}
	switch n.op {
	case "==":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}

const incomparable = 2

func compare(v Value, l Literal) int {
	switch {
	case v.Kind == Number && l.IsNumber:
		switch {
		case v.Num < l.Num:
			return -1
		case v.Num > l.Num:
			return 1
		}
		return 0
	case v.Kind == Text && !l.IsNumber:
		switch {
		case v.Str < l.Str:
			return -1
		case v.Str > l.Str:
			return 1
		}
		return 0
	}
	return incomparable
}
