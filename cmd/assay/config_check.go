package main

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/assay-dev/assay/internal/input"
)

// maxConfigValues bounds the values a settings file may stand for once
// its aliases are expanded: the YAML decoder expands them as it goes, and
// a real settings file holds a few dozen values.
const maxConfigValues = 10_000

// checkConfigSource refuses, before decoding, a settings file that is not
// text or whose shape would make the YAML decoder slow: the same bounds
// as questionnaires and answers files, and the expanded size above.
func checkConfigSource(path string, src []byte) error {
	if line, col, why, ok := input.NotText(src); !ok {
		return fmt.Errorf("%s:%d:%d: %s", path, line, col, why)
	}
	tokens, line, col, why, ok := input.LexYAML(string(src))
	if !ok {
		return fmt.Errorf("%s:%d:%d: %s", path, line, col, why)
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil // the decoder reports it, with its position
	}
	// The decoder reads the first document only: four_eyes: true after a
	// "---" would be silently off.
	bodies := 0
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if bodies++; bodies == 2 {
			line, col := 1, 1
			if tk := doc.Body.GetToken(); tk != nil && tk.Position != nil {
				line, col = tk.Position.Line, tk.Position.Column
			}
			if m, ok := doc.Body.(*ast.MappingNode); ok && len(m.Values) > 0 && m.Values[0].Key != nil {
				if tk := m.Values[0].Key.GetToken(); tk != nil && tk.Position != nil {
					line, col = tk.Position.Line, tk.Position.Column // where its first key starts
				}
			}
			return fmt.Errorf("%s:%d:%d: the file holds more than one YAML document; put every setting in the first, before any ---", path, line, col)
		}
	}
	if input.YAMLExpanded(f, maxConfigValues) > maxConfigValues {
		return fmt.Errorf("%s: its aliases expand to more than %d values; write the values out instead", path, maxConfigValues)
	}
	return nil
}
