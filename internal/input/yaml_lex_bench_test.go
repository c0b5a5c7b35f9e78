package input

import (
	"fmt"
	"strings"
	"testing"
)

// questionsOfSize is a questionnaire-shaped file of about size bytes:
// questions with an ID, a text of a few dozen words and a type.
func questionsOfSize(size int) string {
	var b strings.Builder
	b.WriteString("questions:\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  - id: q%d\n    text: Does the vendor encrypt customer data at rest with keys it manages and rotates every year?\n    type: yes-no\n", i)
	}
	return b.String()
}

// BenchmarkLexYAML measures lexing and checking a questionnaire-shaped
// file of 256 KiB, lexed once, and one of 1 MiB, over lexPiece and so
// counted in pieces before it is lexed whole: the price of the bound
// (yaml_lex.go, docs/performance.md).
func BenchmarkLexYAML(b *testing.B) {
	for _, size := range []int{256 << 10, 1 << 20} {
		src := questionsOfSize(size)
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, _, why, ok := LexYAML(src); !ok {
					b.Fatal(why)
				}
			}
		})
	}
}
