package main

import (
	"fmt"

	"github.com/goccy/go-yaml/lexer"
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
	tokens := lexer.Tokenize(string(src))
	if line, col, why, ok := input.YAMLTokens(tokens); !ok {
		return fmt.Errorf("%s:%d:%d: %s", path, line, col, why)
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil // the decoder reports it, with its position
	}
	if input.YAMLExpanded(f, maxConfigValues) > maxConfigValues {
		return fmt.Errorf("%s: its aliases expand to more than %d values; write the values out instead", path, maxConfigValues)
	}
	return nil
}
