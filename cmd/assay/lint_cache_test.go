package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// compiledForms counts the compiled questionnaires in the cache folder
// under cacheHome ($XDG_CACHE_HOME), as app.decoder keeps them.
func compiledForms(t *testing.T, cacheHome string) int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(cacheHome, "assay", "questionnaires"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".gob") {
			n++
		}
	}
	return n
}

// builtinCount is the number of built-in questionnaire sources.
func builtinCount(t *testing.T) int {
	t.Helper()
	names, err := fs.Glob(os.DirFS(filepath.Join("..", "..", "questionnaires", "builtin")), "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in sources: %v", err)
	}
	return len(names)
}

// assay lint and assay convert load the built-in questionnaires to find
// a taken ID, an extension's base or a recommended questionnaire. They
// parsed every one from YAML on every run (about 1.3 s of CPU), where
// every other command reads the compiled forms the cache folder keeps:
// they go through the same decoder now, and leave the compiled forms
// for the next command. The user's files are still parsed (the next
// test).
func TestLintAndConvertUseTheQuestionnaireCache(t *testing.T) {
	want := builtinCount(t)
	dir := t.TempDir()
	plain := writeFile(t, dir, "mine.yaml", "id: mine\nversion: \"1\"\ntitle: T\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: q, type: control, text: Q?}\n")
	recommends := writeFile(t, t.TempDir(), "screen.yaml", "id: screen\nversion: \"1\"\ntitle: Screen\nkind: prescreen\nrecommends:\n  - {questionnaire: dpia, when: \"q == 'no'\", reason: Known.}\nsections:\n  - {id: s, title: S, questions: [{id: q, type: control, text: Q}]}\n")
	extension := writeFile(t, t.TempDir(), "acme.yaml", acmeExtension)
	caiq := filepath.Join(convertTestdata, "invented", "caiq-rows.json")
	for name, args := range map[string][]string{
		"lint of a file of the folder": {"lint", plain},
		"lint of a recommending file":  {"lint", recommends},
		"lint of an extension":         {"lint", extension},
		"convert":                      {"convert", caiq, "-o", filepath.Join(dir, "caiq.yaml")},
	} {
		s := newCLISession(t)
		s.env["XDG_CACHE_HOME"] = t.TempDir()
		s.ok(append([]string{"--questionnaires", dir}, args...)...)
		if got := compiledForms(t, s.env["XDG_CACHE_HOME"]); got != want {
			t.Errorf("%s left %d compiled questionnaires in the cache folder, want the %d built-ins", name, got, want)
		}
	}
}

// The cache holds the built-ins only: a file of the questionnaires
// folder is read and parsed by every lint, so an edit that breaks it is
// reported at its line however warm the cache is, and a file taking a
// built-in's ID is still reported at its id.
func TestLintWithAWarmCacheStillReadsTheFile(t *testing.T) {
	s := newCLISession(t)
	s.env["XDG_CACHE_HOME"] = t.TempDir()
	dir := t.TempDir()
	good := "id: mine\nversion: \"1\"\ntitle: T\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: q, type: control, text: Q?}\n"
	path := writeFile(t, dir, "mine.yaml", good)
	if out := s.ok("--questionnaires", dir, "lint", path); out != "1 file, no problems\n" {
		t.Fatalf("first lint: %s", out)
	}
	if compiledForms(t, s.env["XDG_CACHE_HOME"]) == 0 {
		t.Fatal("the first lint left no compiled forms, so the cache is not warm")
	}
	writeFile(t, dir, "mine.yaml", strings.Replace(good, "type: control", "type: contrl", 1))
	code, out, _ := s.run("", "--questionnaires", dir, "lint", path)
	if code != 1 || !strings.Contains(out, path+":9:") || !strings.Contains(out, "type") {
		t.Errorf("the edited file: exit %d\n%s", code, out)
	}
	writeFile(t, dir, "mine.yaml", strings.Replace(good, "id: mine", "id: dpia", 1))
	code, out, _ = s.run("", "--questionnaires", dir, "lint", path)
	if want := path + `:1:5: id: questionnaire id "dpia" is already used by builtin/dpia.yaml`; code != 1 || !strings.Contains(out, want) {
		t.Errorf("a built-in's ID: exit %d\n%s\nwant: %s", code, out, want)
	}
}
