package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A control ID of a hand-written catalog, and the questionnaire mapping
// to it, may hold an escape sequence or a line break: assay coverage
// printed it to the terminal as it was, colouring it, hiding a link in
// it, or breaking its table. It prints the ID on one line, without them.
func TestCoverageControlIDsReachNoTerminal(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "catalogs"), 0o700); err != nil {
		t.Fatal(err)
	}
	const evil = `e\e[31mred\e]8;;http://x\a`
	writeFile(t, filepath.Join(dir, "catalogs"), "c.yaml", "catalog: cx\ntitle: CX\ncontrols:\n  - {id: \""+evil+"\", name: Evil}\n  - {id: \"two\\nlines\", name: Broken}\n")
	writeFile(t, dir, "m.yaml", "id: m\nversion: \"1\"\ntitle: M\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n"+
		"      - {id: q, type: control, text: Q?, controls: {cx: [\""+evil+"\", \"two\\nlines\"]}}\n")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "m", "-s", "Acme"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  q: no\n"))
	out := s.ok("--questionnaires", dir, "coverage", id, "--framework", "cx")
	if strings.ContainsAny(out, "\x1b\a") {
		t.Errorf("coverage printed an escape sequence:\n%q", out)
	}
	for _, want := range []string{"\n  ered       gap  Evil\n", "\n  two lines  gap  Broken\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("coverage does not print %q:\n%s", want, out)
		}
	}
}
