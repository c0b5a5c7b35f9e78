package input

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/lexer"
)

// A key or list entry that opens a nested block costs the parser nothing:
// it inserts an empty value (moving every token after it) only where the
// value is missing. A large catalog-shaped file, every control a nested
// block, is accepted; before, each "control:" and "- " ending its line
// was counted as an empty value and the file was refused.
func TestNestedBlocksAreNotEmptyValues(t *testing.T) {
	var b strings.Builder
	b.WriteString("catalog:\n  groups:\n")
	for g := range 60 {
		fmt.Fprintf(&b, "    -\n      id: g%d\n      controls:\n", g)
		for c := range 500 {
			fmt.Fprintf(&b, "        -\n          id: c%d-%d\n          props:\n            -\n              name: label\n              value: C-%d\n", g, c, c)
		}
	}
	src := b.String()
	tokens := lexer.Tokenize(src)
	if len(tokens) > MaxTokens {
		t.Fatalf("the file has %d tokens, over the bound this test is not about", len(tokens))
	}
	if _, _, why, ok := YAMLTokens(tokens); !ok {
		t.Errorf("a %d-token catalog of nested blocks was refused: %s", len(tokens), why)
	}
}

// Every shape in which the parser does insert an empty value is counted,
// in block and in flow style. Keys without values in flow style were not
// counted before: "t: {x, x, ...}" with 120,000 keys (360 KB) took the
// parser 18 seconds, and 60,000 "{x}" in a list 29.
func TestEmptyValuesTheParserFillsAreCounted(t *testing.T) {
	n := 60_000
	tail := strings.Repeat("- x\n", 100_000)
	for name, src := range map[string]string{
		"entries":             strings.Repeat("-\n", n) + tail,
		"keys":                strings.Repeat("k:\n", n) + "t:\n" + tail,
		"keys closing blocks": "t:\n" + strings.Repeat("  a:\n    k:\n", n/2) + "u:\n" + tail,
		"flow keys":           "t: [" + strings.Repeat("{x}, ", n) + strings.Repeat("x, ", 100_000) + "x]\n",
		"flow mapping keys":   "t: {" + strings.Repeat("x, ", 2*n) + "y}\n",
		"flow empty values":   "t: {" + distinct("k%d: , ", 2*n) + "y: }\n",
		// Shapes the parser is slow on by other paths than inserting a
		// value (30,000 of them before 100,000 entries took it 10 to
		// over 40 seconds): counted as empty values too.
		"anchors below keys": distinct("k%[1]d:\n  &a%[1]d\n", n/2) + "t:\n" + tail,
		"anchored keys":      distinct("k%[1]d: &a%[1]d\n", n/2) + "t:\n" + tail,
		"explicit keys":      distinct("? k%d\n", n/2) + "t:\n" + tail,
	} {
		_, _, why, ok := YAMLTokens(lexer.Tokenize(src))
		if ok || !strings.Contains(why, "nothing after them") {
			t.Errorf("%s: %q ok=%v, want refused", name, why, ok)
		}
	}
}

// distinct repeats format n times, each with its number, for keys that
// must differ.
func distinct(format string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}
