package condition

import (
	"fmt"

	"github.com/assay-dev/assay/assess/decimal"
)

// Parse reads a condition. The result must be bound with Bind before Eval.
func Parse(src string) (*Expr, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	root, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("unexpected %q after the end of the condition", t.text)}
	}
	return &Expr{Source: src, root: root}, nil
}

type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) isKeyword(word string) bool {
	t := p.peek()
	return t.kind == tokIdent && t.text == word
}

func (p *parser) expect(kind tokenKind, what string) (token, error) {
	t := p.next()
	if t.kind != kind {
		return t, &Error{Pos: t.pos, Msg: fmt.Sprintf("expected %s, found %s", what, describe(t))}
	}
	return t, nil
}

func describe(t token) string {
	if t.kind == tokEOF {
		return "the end of the condition"
	}
	return fmt.Sprintf("%q", t.text)
}

func (p *parser) or(depth int) (node, error) {
	l, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	for p.isKeyword("or") {
		p.next()
		r, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		l = &orNode{l, r}
	}
	return l, nil
}

func (p *parser) and(depth int) (node, error) {
	l, err := p.unary(depth)
	if err != nil {
		return nil, err
	}
	for p.isKeyword("and") {
		p.next()
		r, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		l = &andNode{l, r}
	}
	return l, nil
}

func (p *parser) unary(depth int) (node, error) {
	if depth > maxDepth {
		return nil, &Error{Pos: p.peek().pos, Msg: "condition is nested too deeply"}
	}
	if p.isKeyword("not") {
		p.next()
		x, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &notNode{x}, nil
	}
	return p.primary(depth)
}

func (p *parser) primary(depth int) (node, error) {
	t := p.peek()
	switch {
	case t.kind == tokLParen:
		p.next()
		x, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if _, err := p.expect(tokRParen, `")"`); err != nil {
			return nil, err
		}
		return x, nil
	case t.kind == tokIdent && (t.text == "true" || t.text == "false"):
		p.next()
		return &constNode{t.text == "true"}, nil
	case t.kind == tokIdent && t.text == "answered":
		p.next()
		ref, err := p.call()
		if err != nil {
			return nil, err
		}
		return &answeredNode{ref}, nil
	case t.kind == tokIdent && t.text == "count":
		p.next()
		ref, err := p.call()
		if err != nil {
			return nil, err
		}
		return p.comparison(ref, true)
	case t.kind == tokIdent && !keywords[t.text]:
		p.next()
		return p.comparison(&Ref{Name: t.text, Pos: t.pos, Index: -1}, false)
	}
	return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("expected a question id, answered(...), count(...) or \"(\", found %s", describe(t))}
}

// call reads "(" ref ")" after answered or count.
func (p *parser) call() (*Ref, error) {
	if _, err := p.expect(tokLParen, `"("`); err != nil {
		return nil, err
	}
	t, err := p.expect(tokIdent, "a question id")
	if err != nil {
		return nil, err
	}
	if keywords[t.text] {
		return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("%q is a keyword, not a question id", t.text)}
	}
	if _, err := p.expect(tokRParen, `")"`); err != nil {
		return nil, err
	}
	return &Ref{Name: t.text, Pos: t.pos, Index: -1}, nil
}

func (p *parser) comparison(ref *Ref, count bool) (node, error) {
	t := p.next()
	switch {
	case t.kind == tokOp:
		lit, err := p.literal()
		if err != nil {
			return nil, err
		}
		return &cmpNode{ref: ref, count: count, op: t.text, lits: []Literal{lit}, litsPos: lit.Pos}, nil
	case t.kind == tokIdent && t.text == "in":
		if _, err := p.expect(tokLBrack, `"["`); err != nil {
			return nil, err
		}
		var lits []Literal
		for {
			lit, err := p.literal()
			if err != nil {
				return nil, err
			}
			lits = append(lits, lit)
			sep := p.next()
			if sep.kind == tokRBrack {
				break
			}
			if sep.kind != tokComma {
				return nil, &Error{Pos: sep.pos, Msg: fmt.Sprintf(`expected "," or "]", found %s`, describe(sep))}
			}
		}
		return &cmpNode{ref: ref, count: count, op: "in", lits: lits, litsPos: t.pos}, nil
	case t.kind == tokIdent && t.text == "contains" && !count:
		lit, err := p.literal()
		if err != nil {
			return nil, err
		}
		if lit.IsNumber {
			return nil, &Error{Pos: lit.Pos, Msg: "contains takes a quoted option value"}
		}
		return &cmpNode{ref: ref, op: "contains", lits: []Literal{lit}, litsPos: lit.Pos}, nil
	}
	return nil, &Error{Pos: t.pos, Msg: fmt.Sprintf("expected ==, !=, <, <=, >, >=, in or contains after %s, found %s", ref.Name, describe(t))}
}

func (p *parser) literal() (Literal, error) {
	t := p.next()
	switch t.kind {
	case tokString:
		return Literal{Str: t.text, Pos: t.pos}, nil
	case tokNumber:
		n, err := decimal.Parse(t.text, decimal.Places)
		if err != nil {
			return Literal{}, &Error{Pos: t.pos, Msg: fmt.Sprintf("%q is not a number", t.text)}
		}
		return Literal{IsNumber: true, Num: n, Str: t.text, Pos: t.pos}, nil
	case tokIdent:
		return Literal{}, &Error{Pos: t.pos, Msg: fmt.Sprintf("expected a quoted value or a number, found %s (quote option values: '%s')", t.text, t.text)}
	}
	return Literal{}, &Error{Pos: t.pos, Msg: fmt.Sprintf("expected a quoted value or a number, found %s", describe(t))}
}
