package yamlx

import (
	"regexp"
	"slices"
	"sync"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Tools that write YAML (PyYAML, ruamel, yq, converters from spreadsheets)
// write YAML's core tags to say plainly what a value is: !!str 2024 for a
// year kept as text, !!int "12" for a number the tool held as a string.
// Such a tag is read as it says when the value is one of its kind, just as
// the value would be read written that way without the tag. Any other tag
// (!!binary, !!timestamp, !!set, !!omap, a custom !foo) and a core tag on a
// value not of its kind (!!null 2, !!bool yes, !!int twelve) still has no
// meaning in assay and is refused where it is written: reading past it
// loaded !!null 2 as 2 without a word.

// coreTags are the tags read as they say; every other is refused.
var coreTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map"}

var (
	// wholeNumber is what an untagged whole number may be written as in
	// a questionnaire (strconv.Atoi's form), and so what !!int takes.
	wholeNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[0-9]+$`) })
	// number is a decimal number, with or without a fraction or an
	// exponent: what !!float takes besides .inf and .nan.
	number = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
	})
)

// coreTagValue is the plain value a core tag stands for: the node a file
// would hold had the value been written, untagged, as the tag says. It
// reports why not when the tag is not a core one or the value is not of
// the tag's kind; the caller refuses the value with that reason.
func coreTagValue(n *ast.TagNode) (ast.Node, string) {
	tag := n.Start.Value
	if !slices.Contains(coreTags, tag) {
		return nil, "is not used by assay"
	}
	if tagWithoutValue(n) {
		if tag == "!!null" {
			return ast.Null(retyped(n.Start, "null", token.NullType)), ""
		}
		// The parser supplies 0, false or "" for a tag with nothing after
		// it; an author who left the value out did not mean any of them.
		return nil, "has no value after it"
	}
	v := n.Value
	switch tag {
	case "!!seq":
		if _, ok := v.(*ast.SequenceNode); ok {
			return v, ""
		}
		return nil, "is on " + kindOf(v) + ", not a list"
	case "!!map":
		if _, ok := v.(*ast.MappingNode); ok {
			return v, ""
		}
		return nil, "is on " + kindOf(v) + ", not a mapping"
	}
	text, scalar := scalarText(v)
	if !scalar {
		return nil, "is on " + kindOf(v) + ", not a single value"
	}
	tk := v.GetToken()
	switch tag {
	case "!!str":
		if _, literal := v.(*ast.LiteralNode); literal {
			return v, ""
		}
		return ast.String(retyped(tk, text, token.StringType)), ""
	case "!!int":
		if wholeNumber().MatchString(text) {
			return ast.Integer(retyped(tk, text, token.IntegerType)), ""
		}
		return nil, "is on " + QuoteCut(text) + ", which is not a whole number"
	case "!!float":
		switch {
		case number().MatchString(text):
			return ast.Float(retyped(tk, text, token.FloatType)), ""
		case slices.Contains([]string{".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"}, text):
			return ast.Infinity(retyped(tk, text, token.InfinityType)), ""
		case slices.Contains([]string{".nan", ".NaN", ".NAN"}, text):
			return ast.Nan(retyped(tk, text, token.NanType)), ""
		}
		return nil, "is on " + QuoteCut(text) + ", which is not a number"
	case "!!bool":
		if slices.Contains([]string{"true", "True", "TRUE", "false", "False", "FALSE"}, text) {
			b := ast.Bool(retyped(tk, text, token.BoolType))
			b.Value = text[0] == 't' || text[0] == 'T'
			return b, ""
		}
		return nil, "is on " + QuoteCut(text) + ", which is not true or false"
	default: // !!null
		if slices.Contains([]string{"", "~", "null", "Null", "NULL"}, text) {
			return ast.Null(retyped(tk, "null", token.NullType)), ""
		}
		return nil, "is on " + QuoteCut(text) + ", which is not empty"
	}
}

// tagWithoutValue reports whether nothing follows the tag: the parser
// then makes up a value (an implicit null, or 0, false or "" placed
// inside the tag's own text, where no written value can start).
func tagWithoutValue(n *ast.TagNode) bool {
	if n.Value == nil {
		return true
	}
	if tk := n.Value.GetToken(); tk != nil && tk.Type == token.ImplicitNullType {
		return true
	}
	tp, vp := n.Start.Position, pos(n.Value)
	return vp.Line == tp.Line && vp.Column < tp.Column+len([]rune(n.Start.Value))
}

// scalarText is a single value's text as written (quoted or not).
func scalarText(v ast.Node) (string, bool) {
	switch n := v.(type) {
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		return n.Value.Value, true
	case *ast.NullNode:
		if tk := n.GetToken(); tk != nil {
			return tk.Value, true
		}
		return "", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// retyped is tk holding text as a value of type t, at tk's place in the
// file, so that problems about the value point where it is written.
func retyped(tk *token.Token, text string, t token.Type) *token.Token {
	c := tk.Clone()
	c.Value, c.Type = text, t
	return c
}

// plainKey is the text of a mapping key, past a core tag that makes it no
// other than the text it is (!!str title); ok is false for a key whose tag
// is refused, which resolve says where it is written.
func plainKey(k ast.Node) (string, bool) {
	for {
		switch n := k.(type) {
		case *ast.TagNode:
			v, why := coreTagValue(n)
			if why != "" {
				return "", false
			}
			k = v
		case *ast.StringNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode:
			return n.GetToken().Value, true
		default:
			if k == nil || k.GetToken() == nil {
				return "", false
			}
			return k.GetToken().Value, true
		}
	}
}

// tagBefore is the tag written just before the token the parser stopped
// at (line, col): for !!str {a: b}, !!seq text and !!map [a] the parser
// refuses the value ("unexpected scalar value type", "could not find
// map"), which does not say that the tag is what does not fit.
func tagBefore(tokens token.Tokens, line, col int) (string, bool) {
	if tk := tagTokenBefore(tokens, line, col); tk != nil {
		return tk.Value, true
	}
	return "", false
}
