package main

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/assay-dev/assay/internal/input"
)

// maxConfigValues bounds the values a settings file may stand for once
// its aliases are expanded: the YAML decoder expands them as it goes, and
// a real settings file holds a few dozen values.
const maxConfigValues = 10_000

// configBounds are the bounds of a settings file's tokens: a questionnaire's,
// but for the keys of its mappings, of which a settings file holds a few
// dozen: the parser's work on a mapping grows with the square of its keys
// (input.MaxKeyWork), and a file of 2,500 keys cost the questionnaires'
// bound 7.6 times the bytes of one of 640
// (TestReadingAHostileSettingsFileTakesWorkInProportionToIt).
var configBounds = input.Bounds{Tokens: input.MaxTokens, EmptyWork: input.MaxEmptyWork, KeyWork: 500_000}

// checkConfigSource refuses, before decoding, a settings file that is not
// text or whose shape would make the YAML decoder slow: the same bounds
// as questionnaires and answers files, and the expanded size above.
func checkConfigSource(path string, src []byte) error {
	if line, col, why, ok := input.NotText(src); !ok {
		return fmt.Errorf("%s:%d:%d: %s", path, line, col, why)
	}
	tokens, line, col, why, ok := input.LexYAMLWithin(string(src), configBounds)
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
		if !hasAlias(tokens) {
			return fmt.Errorf("%s: the file holds more than %d values; a settings file holds a few dozen: check that this is the settings file meant", path, maxConfigValues)
		}
		return fmt.Errorf("%s: its aliases expand to more than %d values; write the values out instead", path, maxConfigValues)
	}
	return nil
}

// hasAlias says whether tokens hold an alias: a file with none that
// holds too many values has them written out, and telling its writer to
// write out aliases would send them looking for what is not there.
func hasAlias(tokens token.Tokens) bool {
	for _, tk := range tokens {
		if tk.Type == token.AliasType {
			return true
		}
	}
	return false
}
