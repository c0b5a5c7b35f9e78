package yamlx

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/assay-dev/assay/internal/input"
)

// The YAML parser refuses a core tag on a value of another shape (!!seq
// on text, !!map on a list, !!str on a mapping) before any field is
// known, so the refusal could name the line and the tag but not the
// field, which is what an author looks for. Such a tag is parsed as a
// tag of the author's own instead, and given back its name once parsed:
// the walk then refuses it where it is read, at its field, saying what
// the value is (coreTagValue), as it refuses !!null 2.

// maxMisshapen bounds how many times a file is parsed again, one
// misshapen tag each time: a file of thousands of them is refused at the
// first, by its line, as before, rather than parsed thousands of times.
const maxMisshapen = 20

// standIn is the tag a misshapen one is parsed as: one of the author's own,
// which the parser takes on any value.
const standIn = "!assay-misshapen"

// parsePastMisshapenTags parses tokens; where the parser stops at a value
// just after a tag, the tag is parsed as standIn and the file parsed
// again. The tags' names are given back whatever the outcome; misshapen
// are those parsed so, in a file that then parsed.
func parsePastMisshapenTags(tokens token.Tokens) (f *ast.File, misshapen []*token.Token, err error) {
	names := map[*token.Token]string{}
	defer func() {
		for tk, name := range names {
			tk.Value = name
		}
	}()
	for {
		parsing(tokens)
		f, err = parser.Parse(tokens, 0)
		if err == nil || len(names) == maxMisshapen {
			break
		}
		line, col, _, at := input.YAMLErrorAt(err)
		tk := tagTokenBefore(tokens, line, col)
		if !at || tk == nil || names[tk] != "" {
			break
		}
		names[tk], tk.Value = tk.Value, standIn
		misshapen = append(misshapen, tk)
	}
	if err != nil {
		return nil, nil, err
	}
	return f, misshapen, nil
}

// tagTokenBefore is tagBefore's token: the tag written just before the
// token at (line, col), or nil.
func tagTokenBefore(tokens token.Tokens, line, col int) *token.Token {
	for i, tk := range tokens {
		if tk.Position.Line == line && tk.Position.Column == col {
			if i > 0 && tokens[i-1].Type == token.TagType {
				return tokens[i-1]
			}
			return nil
		}
	}
	return nil
}

// SayUnreadMisshapenTags refuses, by their line, the misshapen tags the
// walk of the document did not come to (in a part of the file no field
// reads): parsed past, such a tag must still not let the file load. A
// loader calls it once it has read what it reads.
func (d *Doc) SayUnreadMisshapenTags() {
	for _, n := range d.misshapen {
		if !d.refused[n] {
			v := Value{doc: d, node: n, line: pos(n).Line, col: pos(n).Column}
			v.resolve()
		}
	}
}

// misshapenTagNodes are the nodes of body whose tags are among tokens.
func misshapenTagNodes(body ast.Node, tokens []*token.Token) []*ast.TagNode {
	if len(tokens) == 0 {
		return nil
	}
	var out []*ast.TagNode
	for _, n := range ast.Filter(ast.TagType, body) {
		t := n.(*ast.TagNode)
		for _, tk := range tokens {
			if t.Start == tk {
				out = append(out, t)
			}
		}
	}
	return out
}

// parsing is called with the tokens each time they are handed to the
// YAML parser, whose time grows with the square of some shapes of file:
// tests count what reaches it (hostile_parse_test.go).
var parsing = func(token.Tokens) {}
