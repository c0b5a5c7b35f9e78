package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The extension example of docs/questionnaire-format.md prints what
// assay lint prints: the doc quoted a line of the vendor screen that
// the screen's longer description had since moved.
func TestFormatDocExtensionLintAsShown(t *testing.T) {
	src, err := os.ReadFile("../../docs/questionnaire-format.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	_, section, ok := strings.Cut(doc, "\n## Extension files\n")
	if !ok {
		t.Fatal("docs/questionnaire-format.md has no Extension files section")
	}
	_, rest, _ := strings.Cut(section, "```yaml\n")
	example, _, _ := strings.Cut(rest, "```\n")
	_, rest, _ = strings.Cut(section, "```console\n")
	console, _, _ := strings.Cut(rest, "```\n")
	runs := strings.Split(console, "$ assay lint acme.yaml\n")[1:]
	variants := []string{
		strings.Replace(example, "after: mfa ", "after: mfaa", 1),
		strings.Replace(example, "- id: acme-sso", "- id: policy", 1),
	}
	if len(runs) != len(variants) || variants[0] == example || variants[1] == example {
		t.Fatalf("the doc's example changed shape: %d runs shown", len(runs))
	}
	s := newCLISession(t)
	for i, v := range variants {
		dir := t.TempDir()
		file := filepath.Join(dir, "acme.yaml")
		if err := os.WriteFile(file, []byte(v), 0o600); err != nil {
			t.Fatal(err)
		}
		_, out, errOut := s.run("", "lint", file)
		got := strings.ReplaceAll(out+errOut, dir+string(filepath.Separator), "")
		for _, line := range strings.Split(strings.TrimSpace(runs[i]), "\n") {
			if !strings.Contains(got, line) {
				t.Errorf("run %d: the doc shows %q; assay lint printed:\n%s", i+1, line, got)
			}
		}
	}
}
