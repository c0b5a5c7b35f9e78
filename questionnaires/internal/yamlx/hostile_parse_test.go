package yamlx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/token"
)

// hostileShape is a file made to cost the YAML parser time that grows
// with the square of its size (internal/input/yaml.go), n its size in
// repeats, and the limit the refusal names.
type hostileShape struct {
	name  string
	file  func(n int) string
	names string
}

var hostileShapes = []hostileShape{
	{"nested lists", func(n int) string { return "answers:\n  mfa: " + strings.Repeat("[", n) + "\n" }, "nests lists and mappings more than 64 deep"},
	{"nested mappings", func(n int) string { return "answers:\n  mfa: " + strings.Repeat("{a: ", n) + "\n" }, "nests lists and mappings more than 64 deep"},
	{"empty list entries", func(n int) string {
		return "sections:\n" + strings.Repeat("  -\n", n) + strings.Repeat("  - x\n", n)
	}, "too many keys or list entries with nothing after them"},
	{"empty keys", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d:\n", i)
		}
		return b.String() + strings.Repeat("- x\n", n)
	}, "too many keys"}, // empty, and many in one mapping: either refusal
	{"many keys in one mapping", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d: x\n", i)
		}
		return b.String()
	}, "the file's mappings hold too many keys to read in reasonable time"},
	{"aliases", func(n int) string {
		return "a: &a [x]\nb: [" + strings.Repeat("*a, ", n) + "*a]\n"
	}, "uses aliases more than 10000 times"},
	{"tags", func(n int) string { return "a: [" + strings.Repeat("!!str x, ", n) + "x]\n" }, "more than 10000 tags"},
	{"anchors below keys", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d:\n  &a%d\n", i, i)
		}
		return b.String() + strings.Repeat("- x\n", n)
	}, "too many keys or list entries with nothing after them"},
}

// A file shaped to make the YAML parser's time grow with the square of
// its size never reaches the parser: it is refused on its tokens, in one
// pass, naming the limit it passed, and the parser is handed nothing. This is the loader's guard against slow
// parsing, counted rather than timed: a timed bound fails on a loaded
// machine, and passes a parse that is quadratic only below it.
func TestHostileShapesNeverReachTheParser(t *testing.T) {
	handed := 0
	parsing = func(tokens token.Tokens) { handed += len(tokens) }
	t.Cleanup(func() { parsing = func(token.Tokens) {} })
	for _, shape := range hostileShapes {
		const n = 30_000 // past every shape's limit
		handed = 0
		doc, _ := Parse("hostile.yaml", []byte(shape.file(n)))
		if len(doc.Problems) == 0 || !strings.Contains(doc.Problems[0].Message, shape.names) {
			t.Errorf("%s, %d repeats: problems %v; want the refusal to say %q", shape.name, n, doc.Problems, shape.names)
		}
		if handed != 0 {
			t.Errorf("%s, %d repeats: the parser was handed %d tokens; a file of this shape must be refused before it", shape.name, n, handed)
		}
	}
}

// The loader's work on a hostile file grows with its size, not with its
// square: four times the file makes at most about four times the
// allocations (lexing it, checking its tokens, saying why), counted with
// testing.AllocsPerRun. A refusal that quoted the file around the fault
// (as the parser's error text does), or a check that copied what follows
// each empty value, would make sixteen. Both sizes are under the size
// from which a file is lexed twice, first in pieces (lexPiece, 512 KiB).
func TestLoadingAHostileFileTakesWorkInProportionToIt(t *testing.T) {
	for _, shape := range hostileShapes {
		n := 64
		for len(shape.file(n)) < 25<<10 {
			n += n / 8
		}
		small, large := shape.file(n), shape.file(4*n)
		if len(large) >= 512<<10 {
			t.Fatalf("%s: %d bytes at four times the repeats; keep under 512 KiB, lexed in one piece", shape.name, len(large))
		}
		allocs := func(src string) float64 {
			return testing.AllocsPerRun(1, func() { Parse("hostile.yaml", []byte(src)) })
		}
		a, b := allocs(small), allocs(large)
		t.Logf("%s: %.0f allocations for %d bytes, %.0f for %d", shape.name, a, len(small), b, len(large))
		if ratio := b / a; ratio > 5 {
			t.Errorf("%s: %.0f allocations for %d bytes, %.0f for %d (%.1f times): the loader's work grows faster than the file",
				shape.name, a, len(small), b, len(large), ratio)
		}
	}
}

// BenchmarkRefuseHostileShape measures the time to refuse each hostile
// shape at 120,000 repeats: reading the file, lexing it and checking its
// tokens (internal/input/yaml.go says what each bound costs).
func BenchmarkRefuseHostileShape(b *testing.B) {
	for _, shape := range hostileShapes {
		src := []byte(shape.file(120_000))
		b.Run(shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Parse("hostile.yaml", src)
			}
		})
	}
}
