package input

import (
	"strings"
	"testing"

	"github.com/goccy/go-yaml/lexer"
)

// Counting a large file piece by piece refuses it where lexing it whole
// would, at the same line and column, and passes a large file within
// the bound with the same tokens.
func TestLexYAMLInPiecesAgreesWithWholeFile(t *testing.T) {
	for name, src := range map[string]string{
		"block list":        "id:\n" + strings.Repeat("- x\n", MaxTokens/2+10),
		"one long line":     "id: [" + strings.Repeat("ab, ", MaxTokens/2+10) + "c]\n",
		"multibyte columns": "id: [" + strings.Repeat("é,", MaxTokens/2+10) + "c]\n",
	} {
		wantLine, wantCol, _, _ := YAMLTokens(lexer.Tokenize(src))
		_, line, col, why, ok := LexYAML(src)
		if ok || line != wantLine || col != wantCol || !strings.Contains(why, "more than 500000 YAML values") {
			t.Errorf("%s: %d:%d %q ok=%v, want %d:%d", name, line, col, why, ok, wantLine, wantCol)
		}
	}
	fine := "id:\n" + strings.Repeat("- a long enough value to pass the piece size\n", 20_000)
	tokens, _, _, why, ok := LexYAML(fine)
	if !ok || len(tokens) != len(lexer.Tokenize(fine)) {
		t.Errorf("a %d-byte file within the bound: %q ok=%v, %d tokens", len(fine), why, ok, len(tokens))
	}
}
