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

// HasValue reports whether mapping v has key with a value that is not
// null, as Field(key).Exists() does, but reading nothing else and
// recording no problem: a file is told apart (questionnaire, extension,
// catalog) on the same parse it is then read from, whose problems are
// said once, when it is read.
func (v Value) HasValue(key string) bool {
	m, ok := v.node.(*ast.MappingNode)
	if !ok || v.doc == nil {
		return false
	}
	for _, mv := range m.Values {
		if k, plain := plainKey(mv.Key); !plain || k != key {
			continue
		}
		n := mv.Value
		for range 16 {
			switch x := n.(type) {
			case *ast.AnchorNode:
				n = x.Value
				continue
			case *ast.AliasNode:
				n, _ = v.doc.anchored(x.Value.GetToken().Value, pos(x))
				continue
			case *ast.TagNode:
				n, _ = coreTagValue(x)
				continue
			case nil, *ast.NullNode:
				return false
			}
			return true
		}
		return false
	}
	return false
}
