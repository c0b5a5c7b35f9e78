package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The YAML that assay convert and assay send write has the extension of
// the questionnaires and catalogs a person writes by hand, and -o wrote
// over whatever was there: a CAIQ conversion aimed at the wrong name
// replaced the questionnaire "mine", and a vendor's fill-in file replaced
// it too; every later command then skipped the broken file, and the
// questionnaire was gone. A file that holds a questionnaire, an extension
// or a catalog is now kept, and nothing is written, unless it holds the
// same thing the conversion writes again (its earlier conversion).
func TestOutputKeepsAQuestionnaireItWouldReplace(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	caiq := filepath.Join(convertTestdata, "invented", "caiq-rows.json")
	catalog := filepath.Join(convertTestdata, "oscal", "sp800-53-rev5-low-ac-at.json")
	mineText := "id: mine\nversion: \"1\"\ntitle: Mine\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: q, type: control, text: Q?}\n"
	mine := writeFile(t, dir, "mine.yaml", mineText)
	extText := "extends: vendor-security-screen\nbase_version: \"2.16.0\"\nid: screen-plus\nversion: \"1\"\ntitle: Screen plus\nadd: []\n"
	ext := writeFile(t, dir, "plus.yaml", extText)
	catText := "catalog: house\ntitle: House controls\ncontrols:\n  - {id: H-1, name: One}\n"
	if err := os.Mkdir(filepath.Join(dir, "catalogs"), 0o700); err != nil {
		t.Fatal(err)
	}
	house := writeFile(t, filepath.Join(dir, "catalogs"), "house.yaml", catText)
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))

	for _, c := range []struct {
		name, path, keep, want string
		args                   []string
	}{
		{"a conversion over a questionnaire", mine, mineText, "holds questionnaire mine", []string{"convert", caiq}},
		{"a conversion over an extension", ext, extText, "holds questionnaire screen-plus", []string{"convert", caiq}},
		{"a catalog over a questionnaire", mine, mineText, "holds questionnaire mine", []string{"convert", catalog}},
		{"a catalog over another catalog", house, catText, "holds catalog house", []string{"convert", catalog, "--id", "low"}},
		{"a vendor's file over a questionnaire", mine, mineText, "holds questionnaire mine", []string{"send", id}},
		{"a vendor's file over a catalog", house, catText, "holds catalog house", []string{"send", id}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := s.run("", append(append([]string{"--questionnaires", dir}, c.args...), "-o", c.path)...)
			if code != 1 || !strings.Contains(errOut, c.path+" "+c.want) || !strings.Contains(errOut, "nothing was written") {
				t.Errorf("exit %d, stderr %q; want a refusal saying %q", code, errOut, c.want)
			}
			if b, err := os.ReadFile(c.path); err != nil || string(b) != c.keep {
				t.Errorf("%s was changed: %v\n%s", c.path, err, b)
			}
		})
	}

	// Converting again over the earlier conversion of the same thing, or
	// over a file that is neither, writes as before.
	again := filepath.Join(dir, "caiq.yaml")
	s.ok("--questionnaires", dir, "convert", caiq, "-o", again)
	s.ok("--questionnaires", dir, "convert", caiq, "-o", again)
	low := filepath.Join(dir, "catalogs", "low.yaml")
	s.ok("--questionnaires", dir, "convert", catalog, "-o", low)
	s.ok("--questionnaires", dir, "convert", catalog, "-o", low)
	notes := writeFile(t, t.TempDir(), "notes.yaml", "just: notes\n")
	s.ok("--questionnaires", dir, "send", id, "-o", notes)
	sent := filepath.Join(t.TempDir(), "acme.yaml")
	s.ok("--questionnaires", dir, "send", id, "-o", sent)
	s.ok("--questionnaires", dir, "send", id, "-o", sent) // a vendor's file is not a questionnaire
}
