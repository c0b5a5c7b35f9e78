package input

import "github.com/goccy/go-yaml/ast"

// YAMLExpanded counts the values a parsed file stands for once its aliases
// are expanded, stopping just past limit. Ten lines of nested aliases
// ("billion laughs") stand for a billion values: a reader that expands
// them (the config decoder does, as it goes) would take minutes and
// gigabytes.
func YAMLExpanded(f *ast.File, limit int) int {
	anchors := map[string]int{}
	total := 0
	for _, doc := range f.Docs {
		total = min(total+valuesCount.of(doc.Body, anchors, limit+1), limit+1)
	}
	return total
}

// YAMLExpandedText counts the bytes of text (keys and scalar values) a
// parsed document stands for once its aliases are expanded, stopping just
// past limit. YAMLExpanded bounds how many values aliases expand to, not
// how much text they repeat: 884 aliases of a 19,000-character help
// text, each within every limit, made 16 MiB of questions from a file of
// 150 KB.
func YAMLExpandedText(body ast.Node, limit int) int {
	return textCount.of(body, map[string]int{}, limit+1)
}

// expansion is what one measure counts of a node: a list or a mapping
// itself, and a scalar. Each anchor's count is remembered, so counting
// takes time in proportion to the file, not to the expansion.
type expansion struct {
	container int
	scalar    func(ast.Node) int
}

var (
	valuesCount = expansion{container: 1, scalar: func(ast.Node) int { return 1 }}
	textCount   = expansion{container: 0, scalar: scalarText}
)

func (e expansion) of(n ast.Node, anchors map[string]int, limit int) int {
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.AnchorNode:
		size := e.of(n.Value, anchors, limit)
		anchors[n.Name.GetToken().Value] = size
		return size
	case *ast.AliasNode:
		return anchors[n.Value.GetToken().Value]
	case *ast.TagNode:
		return e.of(n.Value, anchors, limit)
	case *ast.MappingNode:
		size := e.container
		for _, mv := range n.Values {
			size = min(size+e.of(mv, anchors, limit), limit)
		}
		return size
	case *ast.MappingValueNode:
		return min(e.of(n.Key, anchors, limit)+e.of(n.Value, anchors, limit), limit)
	case *ast.SequenceNode:
		size := e.container
		for _, v := range n.Values {
			size = min(size+e.of(v, anchors, limit), limit)
		}
		return size
	}
	return e.scalar(n)
}

// scalarText is the text a scalar holds.
func scalarText(n ast.Node) int {
	switch n := n.(type) {
	case *ast.StringNode:
		return len(n.Value)
	case *ast.LiteralNode:
		if n.Value != nil {
			return len(n.Value.Value)
		}
		return 0
	}
	if tk := n.GetToken(); tk != nil {
		return len(tk.Value)
	}
	return 0
}
