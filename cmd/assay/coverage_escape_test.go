package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A control ID of a hand-written catalog, and the questionnaire mapping
// to it, may hold a line break: assay coverage printed it as it was,
// breaking its table. It prints the ID on one line. An escape sequence
// there, which coloured the terminal or hid a link in it, is now refused
// with the catalog, at its line and field, and the refusal holds none.
func TestCoverageControlIDsReachNoTerminal(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "catalogs"), 0o700); err != nil {
		t.Fatal(err)
	}
	const evil = `e\e[31mred\e]8;;http://x\a`
	questionnaire := func(ids string) string {
		return "id: m\nversion: \"1\"\ntitle: M\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n" +
			"      - {id: q, type: control, text: Q?, controls: {cx: [" + ids + "]}}\n"
	}
	writeFile(t, filepath.Join(dir, "catalogs"), "c.yaml", "catalog: cx\ntitle: CX\ncontrols:\n  - {id: \""+evil+"\", name: Evil}\n  - {id: \"two\\nlines\", name: Broken}\n")
	writeFile(t, dir, "m.yaml", questionnaire(`"`+evil+`", "two\nlines"`))
	code, _, errOut := s.run("", "--questionnaires", dir, "new", "-q", "m", "-s", "Acme")
	if code != 1 || !strings.Contains(errOut, "c.yaml:4:10: controls[0].id: id holds an escape sequence (ESC) at character 2") || strings.ContainsAny(errOut, "\x1b\a") {
		t.Errorf("a catalog with an escape sequence in a control ID: exit %d\n%q", code, errOut)
	}

	writeFile(t, filepath.Join(dir, "catalogs"), "c.yaml", "catalog: cx\ntitle: CX\ncontrols:\n  - {id: \"two\\nlines\", name: Broken}\n")
	writeFile(t, dir, "m.yaml", questionnaire(`"two\nlines"`))
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "m", "-s", "Acme"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  q: no\n"))
	out := s.ok("--questionnaires", dir, "coverage", id, "--framework", "cx")
	if want := "\n  two lines  gap  Broken\n"; !strings.Contains(out, want) {
		t.Errorf("coverage does not print %q:\n%s", want, out)
	}
}
