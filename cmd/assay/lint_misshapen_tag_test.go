package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A YAML core tag on a value of another shape (!!seq on text, !!map on a
// list) stopped the YAML parser before the field was known: assay lint
// and the loader named the file, the line and the tag, but not the
// field. Both now name the field too, in a questionnaire, an extension
// and a control catalog.
func TestLintNamesTheFieldOfAMisshapenTag(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	questionnaire := writeFile(t, dir, "mine.yaml", "id: mine\nversion: \"1\"\ntitle: T\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        type: control\n        text: !!seq Does the vendor encrypt backups?\n")
	catalogs := filepath.Join(dir, "catalogs")
	if err := os.Mkdir(catalogs, 0o700); err != nil {
		t.Fatal(err)
	}
	catalog := writeFile(t, catalogs, "controls.yaml", "catalog: mine-controls\ntitle: My controls\ncontrols:\n  - id: ac-1\n    name: !!map [Policy]\n")
	acme, err := os.ReadFile(filepath.Join("..", "..", "questionnaires", "testdata", "extension", "acme.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	extension := writeFile(t, t.TempDir(), "acme.yaml", strings.Replace(string(acme), "severity: medium", "severity: !!seq medium", 1))
	for path, want := range map[string]string{
		questionnaire: questionnaire + `:11:15: sections[s].questions[q].text: the YAML tag "!!seq" is on text, not a list`,
		catalog:       catalog + `:5:11: controls[ac-1].name: the YAML tag "!!map" is on a list, not a mapping`,
		extension:     extension + `:12:19: sections[access].questions[acme-sso].severity: the YAML tag "!!seq" is on text, not a list`,
	} {
		code, out, _ := s.run("", "--questionnaires", dir, "lint", path)
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("lint %s: exit %d\n%s\nwant: %s", filepath.Base(path), code, out, want)
		}
	}
	_, _, errOut := s.run("", "--questionnaires", dir, "questionnaires")
	for _, want := range []string{
		questionnaire + `:11:15: sections[s].questions[q].text: the YAML tag "!!seq"`,
		catalog + `:5:11: controls[ac-1].name: the YAML tag "!!map"`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the loader does not name the field (%s):\n%s", want, errOut)
		}
	}
}
