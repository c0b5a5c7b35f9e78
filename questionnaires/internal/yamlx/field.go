package yamlx

import "github.com/goccy/go-yaml/ast"

// Field returns the value of key in mapping v, without checking the other
// keys (for other tools' files, which gain fields with every release). A
// missing key, or a v that is not a mapping, gives an absent value that
// reports problems at v, with key in its path.
func (v Value) Field(key string) Value {
	absent := v
	absent.node, absent.path = nil, join(v.path, key)
	if absent.doc == nil || v.doc.bombed {
		return absent
	}
	m, ok := v.node.(*ast.MappingNode)
	if !ok {
		return absent
	}
	for _, mv := range m.Values {
		if mv.Key != nil && mv.Key.GetToken() != nil && mv.Key.GetToken().Value == key {
			return v.child(mv.Value, join(v.path, key))
		}
	}
	return absent
}

// IsFlowList reports whether v is a list written in flow style, [a, b],
// rather than one item per line.
func (v Value) IsFlowList() bool {
	s, ok := v.node.(*ast.SequenceNode)
	return ok && s.IsFlowStyle
}
