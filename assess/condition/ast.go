package condition

import (
	"strings"

	"github.com/assay-dev/assay/assess/decimal"
)

// Expr is a parsed condition. Bind it to question indices before Eval.
type Expr struct {
	Source string
	root   node
}

type node interface{ eval(Env) bool }

type (
	andNode   struct{ l, r node }
	orNode    struct{ l, r node }
	notNode   struct{ x node }
	constNode struct{ v bool }
	// answeredNode is answered(ref).
	answeredNode struct{ ref *Ref }
	// cmpNode is operand op literal, operand in [...], or ref contains 'x'.
	cmpNode struct {
		ref     *Ref
		count   bool // the operand is count(ref)
		op      string
		lits    []Literal // one literal, or the list after "in"
		litsPos int
	}
)

// Ref is a question reference inside an expression. Index is filled by Bind.
type Ref struct {
	Name  string
	Pos   int
	Index int
}

// Literal is a string or number written in a condition.
type Literal struct {
	IsNumber bool
	Str      string
	Num      decimal.Decimal
	Pos      int
}

func (l Literal) String() string {
	if l.IsNumber {
		return l.Num.String()
	}
	return "'" + strings.ReplaceAll(l.Str, "'", `\'`) + "'"
}

// Comparison is one comparison in an expression, exposed for checking.
type Comparison struct {
	Ref      *Ref
	Count    bool   // compares count(ref)
	Op       string // == != < <= > >= in contains answered
	Literals []Literal
}

// Comparisons lists every comparison and answered() test in the expression,
// in source order, so that a validator can check references and values.
func (e *Expr) Comparisons() []Comparison {
	var out []Comparison
	var walk func(node)
	walk = func(n node) {
		switch n := n.(type) {
		case *andNode:
			walk(n.l)
			walk(n.r)
		case *orNode:
			walk(n.l)
			walk(n.r)
		case *notNode:
			walk(n.x)
		case *answeredNode:
			out = append(out, Comparison{Ref: n.ref, Op: "answered"})
		case *cmpNode:
			out = append(out, Comparison{Ref: n.ref, Count: n.count, Op: n.op, Literals: n.lits})
		}
	}
	if e != nil {
		walk(e.root)
	}
	return out
}

// Bind resolves each reference to an index with resolve; names it cannot
// resolve are reported together.
func (e *Expr) Bind(resolve func(name string) (int, bool)) []*Error {
	var errs []*Error
	for _, c := range e.Comparisons() {
		i, ok := resolve(c.Ref.Name)
		if !ok {
			errs = append(errs, &Error{Pos: c.Ref.Pos, Msg: "unknown question " + c.Ref.Name})
			continue
		}
		c.Ref.Index = i
	}
	return errs
}
