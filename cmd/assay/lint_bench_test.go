package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLintCommand30000 is assay lint of a 30,000-question file in a
// fresh home, nothing cached: what an author waits for after importing a
// large framework (docs/performance.md).
func BenchmarkLintCommand30000(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "large.yaml")
	var q strings.Builder
	q.WriteString("id: large\nversion: \"1\"\ntitle: Large\nkind: security\nsections:\n")
	for s := range 600 {
		fmt.Fprintf(&q, "  - id: s%d\n    title: Section %d\n    questions:\n", s, s)
		for i := s * 50; i < s*50+50; i++ {
			fmt.Fprintf(&q, "      - id: q%d\n        type: control\n        text: Is requirement %d met?\n", i, i)
			if i%10 == 0 {
				q.WriteString("        severity: medium\n        action: Meet it.\n")
			}
		}
	}
	if err := os.WriteFile(path, []byte(q.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	env := map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data"),
		"XDG_CACHE_HOME": filepath.Join(dir, "cache"), "NO_COLOR": "1"}
	for b.Loop() {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), []string{"lint", path}, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] }); code != 0 || !strings.Contains(out.String(), "no problems") {
			b.Fatal(out.String(), errOut.String())
		}
	}
}
