package questionnaires_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// BenchmarkLint30000 lints a 30,000-question file, as assay lint does an
// author's first run on a large imported questionnaire (nothing cached).
// ASSAY_WRITE_SYNTHETIC=FILE also writes the file, to time assay lint of
// it with the binary (docs/performance.md).
func BenchmarkLint30000(b *testing.B) {
	src := plainQuestionnaire(30000)
	if out := os.Getenv("ASSAY_WRITE_SYNTHETIC"); out != "" {
		if err := os.WriteFile(out, src, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	cat := questionnaires.Catalog()
	for b.Loop() {
		if _, problems, _ := questionnaires.Lint("synthetic.yaml", src, cat); len(problems) > 0 {
			b.Fatal(problems[:1])
		}
	}
}

// plainQuestionnaire writes n control questions (n a multiple of 50) in
// sections of 50, each with an ID, a text and a type, and every tenth
// with a severity and an action: the shape of a large framework imported
// question by question. It stays under the loader's bound on a file's
// YAML values (input.MaxTokens), which 30,000 questions written as
// syntheticQuestionnaire writes them pass.
func plainQuestionnaire(n int) []byte {
	var b strings.Builder
	b.WriteString("id: plain\nversion: \"1\"\ntitle: Plain\nkind: security\nsections:\n")
	for s := 0; s < n/50; s++ {
		fmt.Fprintf(&b, "  - id: s%d\n    title: Section %d\n    questions:\n", s, s)
		for i := s * 50; i < s*50+50; i++ {
			fmt.Fprintf(&b, "      - id: q%d\n        type: control\n        text: Is requirement %d met?\n", i, i)
			if i%10 == 0 {
				b.WriteString("        severity: medium\n        action: Meet it.\n")
			}
		}
	}
	return []byte(b.String())
}
