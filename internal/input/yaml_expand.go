package input

import "github.com/goccy/go-yaml/ast"

// YAMLExpanded counts the values a parsed file stands for once its aliases
// are expanded, stopping just past limit. Ten lines of nested aliases
// ("billion laughs") stand for a billion values: a reader that expands
// them (the config decoder does, as it goes) would take minutes and
// gigabytes. Each anchor's size is remembered, so counting takes time in
// proportion to the file, not to the expansion.
func YAMLExpanded(f *ast.File, limit int) int {
	anchors := map[string]int{}
	total := 0
	for _, doc := range f.Docs {
		total = min(total+expandedSize(doc.Body, anchors, limit+1), limit+1)
	}
	return total
}

func expandedSize(n ast.Node, anchors map[string]int, limit int) int {
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.AnchorNode:
		size := expandedSize(n.Value, anchors, limit)
		anchors[n.Name.GetToken().Value] = size
		return size
	case *ast.AliasNode:
		return anchors[n.Value.GetToken().Value]
	case *ast.TagNode:
		return expandedSize(n.Value, anchors, limit)
	case *ast.MappingNode:
		size := 1
		for _, mv := range n.Values {
			size = min(size+expandedSize(mv, anchors, limit), limit)
		}
		return size
	case *ast.MappingValueNode:
		return min(expandedSize(n.Key, anchors, limit)+expandedSize(n.Value, anchors, limit), limit)
	case *ast.SequenceNode:
		size := 1
		for _, v := range n.Values {
			size = min(size+expandedSize(v, anchors, limit), limit)
		}
		return size
	}
	return 1
}
