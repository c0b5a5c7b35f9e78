package yamlx

import "github.com/goccy/go-yaml/ast"

// expandedText counts the bytes of text (keys and scalar values) a parsed
// document stands for once its aliases are expanded, stopping just past
// limit. input.YAMLExpanded bounds how many values aliases expand to,
// not how much text they repeat: 884 aliases of a 19,000-character help
// text, each within every limit, made 16 MiB of questions from a file of
// 150 KB. Each anchor's size is remembered, so counting takes time in
// proportion to the file, not to the expansion.
func expandedText(body ast.Node, limit int) int {
	return textSize(body, map[string]int{}, limit+1)
}

func textSize(n ast.Node, anchors map[string]int, limit int) int {
	switch n := n.(type) {
	case nil:
		return 0
	case *ast.AnchorNode:
		size := textSize(n.Value, anchors, limit)
		anchors[n.Name.GetToken().Value] = size
		return size
	case *ast.AliasNode:
		return anchors[n.Value.GetToken().Value]
	case *ast.TagNode:
		return textSize(n.Value, anchors, limit)
	case *ast.MappingNode:
		size := 0
		for _, mv := range n.Values {
			size = min(size+textSize(mv, anchors, limit), limit)
		}
		return size
	case *ast.MappingValueNode:
		return min(textSize(n.Key, anchors, limit)+textSize(n.Value, anchors, limit), limit)
	case *ast.SequenceNode:
		size := 0
		for _, v := range n.Values {
			size = min(size+textSize(v, anchors, limit), limit)
		}
		return size
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
