package input

import (
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
)

// Each shape that makes the YAML parser slow is refused, on the tokens,
// at a position in the file, in time linear in the tokens: the check of a
// hostile file takes no longer than a few times the check of a harmless
// file of as many tokens, timed in the same run (so that a loaded machine
// slows both), plus a margin for the clock.
func TestYAMLTokensBounds(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		line            int
	}{
		{"flow nesting", "a: " + strings.Repeat("[", 100_000), "nests lists and mappings more than 64 deep", 1},
		{"block nesting", "a:\n" + strings.Repeat("- ", 100_000) + "x", "nests lists and mappings more than 64 deep", 2},
		{"indented nesting", func() string {
			var b strings.Builder
			for i := range 100 {
				b.WriteString(strings.Repeat(" ", i) + "k:\n")
			}
			return b.String()
		}(), "nests lists and mappings more than 64 deep", 65},
		{"aliases", "a: &x 1\nb: [" + strings.Repeat("*x, ", MaxAliases) + "*x]", "uses aliases more than 10000 times", 2},
		{"tags", "a: " + strings.Repeat("!!str ", MaxTags+1) + "x", "more than 10000 tags", 1},
		{"empty values", strings.Repeat("-\n", 40_000) + strings.Repeat("- x\n", 100_000), "nothing after them", 0},
		{"tokens", strings.Repeat("- x\n", MaxTokens), "more than 500000 YAML values", 0},
	} {
		tokens := lexer.Tokenize(c.src)
		harmless := lexer.Tokenize(strings.Repeat("- x\n", max(len(tokens)/2, 1)))
		start := time.Now()
		line, _, why, ok := YAMLTokens(tokens)
		took := time.Since(start)
		if ok || !strings.Contains(why, c.want) || c.line != 0 && line != c.line {
			t.Errorf("%s: line %d %q ok=%v", c.name, line, why, ok)
		}
		start = time.Now()
		YAMLTokens(harmless)
		if linear := time.Since(start); took > 10*linear+100*time.Millisecond {
			t.Errorf("%s: %v for %d tokens, against %v for %d harmless ones", c.name, took, len(tokens), linear, len(harmless))
		}
	}
	// What real files look like passes: nesting, anchors, empty values.
	ok := "a:\n  b:\n    - c: &x {d: [1, 2, {e: f}]}\n      g:\n    - *x\n"
	if _, _, why, fine := YAMLTokens(lexer.Tokenize(ok)); !fine {
		t.Errorf("refused: %s", why)
	}
}

func TestYAMLExpanded(t *testing.T) {
	for src, want := range map[string]int{
		"a: 1":                          3, // mapping, key, value
		"a: &x [1, 2]\nb: *x\nc: *x":    1 + 3*(1+3),
		"a: &x [1, 2]\nb: [*x, *x, *x]": 1 + (1 + 3) + (1 + 1 + 3*3),
	} {
		f, err := parser.ParseBytes([]byte(src), 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := YAMLExpanded(f, 1000); got != want {
			t.Errorf("%q: %d, want %d", src, got, want)
		}
	}
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [" + strings.Repeat("*l"+string(rune('0'+i-1))+", ", 9) + "*l" + string(rune('0'+i-1)) + "]\n")
	}
	f, err := parser.ParseBytes([]byte(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := YAMLExpanded(f, 10_000); got != 10_001 {
		t.Errorf("billion laughs counted %d, want the limit plus one", got)
	}
}
