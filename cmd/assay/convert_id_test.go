package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A conversion whose ID a built-in questionnaire uses, or another file of
// the questionnaires folder it is written into, would be skipped by every
// command while assay lint passed it: convert refuses it, naming the
// questionnaire in the way and --id, and writes nothing. Converting again
// over the same file, or into another folder, is not a clash.
func TestConvertRefusesATakenID(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	caiq := filepath.Join(convertTestdata, "invented", "caiq-rows.json")
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }

	builtin := filepath.Join(dir, "dpia.yaml")
	code, _, errOut := s.run("", "--questionnaires", dir, "convert", caiq, "--id", "dpia", "-o", builtin)
	if code != 1 || !strings.Contains(errOut, `questionnaire ID dpia is already used by the built-in questionnaire dpia`) || !strings.Contains(errOut, "--id") || exists(builtin) {
		t.Errorf("a built-in's ID: exit %d, written %v\n%s", code, exists(builtin), errOut)
	}

	first := filepath.Join(dir, "caiq-4.0.2.yaml")
	s.ok("--questionnaires", dir, "convert", caiq, "-o", first)
	s.ok("--questionnaires", dir, "convert", caiq, "-o", first) // the same file again
	second := filepath.Join(dir, "caiq-4.0.3.yaml")
	code, _, errOut = s.run("", "--questionnaires", dir, "convert", caiq, "-o", second)
	if code != 1 || !strings.Contains(errOut, "questionnaire ID caiq-v4 is already used by "+first) || exists(second) {
		t.Errorf("an ID of the folder: exit %d, written %v\n%s", code, exists(second), errOut)
	}
	s.ok("--questionnaires", dir, "convert", caiq, "--id", "caiq-v4-0-3", "-o", second)
	if out := s.ok("--questionnaires", dir, "questionnaires"); !strings.Contains(out, "caiq-v4-0-3") || !strings.Contains(out, "caiq-v4 ") {
		t.Errorf("both conversions are not listed:\n%s", out)
	}
	s.ok("--questionnaires", dir, "convert", caiq, "-o", filepath.Join(t.TempDir(), "elsewhere.yaml"))
}

// assay lint says what the loader will: a questionnaire of the
// questionnaires folder whose ID a built-in or another file of the folder
// uses is skipped, so lint reports it as a problem at the file's id. It
// said "no problems"; then it named line 1 of a file whose id is on line
// 2, after the line that points editors at the schema.
func TestLintSaysATakenID(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	body := func(id string) string {
		return "# yaml-language-server: $schema=questionnaire.schema.json\nid: " + id + "\nversion: \"1\"\ntitle: T\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: q, type: control, text: Q?}\n"
	}
	a := writeFile(t, dir, "a.yaml", body("mine"))
	b := writeFile(t, dir, "b.yaml", body("mine"))
	builtin := writeFile(t, dir, "c.yaml", body("dpia"))
	for path, want := range map[string]string{
		b:       b + `:2:5: id: questionnaire id "mine" is already used by ` + a,
		builtin: builtin + `:2:5: id: questionnaire id "dpia" is already used by builtin/dpia.yaml`,
	} {
		code, out, _ := s.run("", "--questionnaires", dir, "lint", path)
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("lint %s: exit %d\n%s\nwant: %s", filepath.Base(path), code, out, want)
		}
	}
	if _, _, errOut := s.run("", "--questionnaires", dir, "questionnaires"); !strings.Contains(errOut, b+`:2:5: id: questionnaire id "mine"`) || !strings.Contains(errOut, builtin+`:2:5: id: questionnaire id "dpia"`) {
		t.Errorf("assay questionnaires skips them without naming the line of their id:\n%s", errOut)
	}
	if out := s.ok("--questionnaires", dir, "lint", a); out != "1 file, no problems\n" {
		t.Errorf("lint of the first file: %s", out)
	}
	if out := s.ok("--questionnaires", t.TempDir(), "lint", b); out != "1 file, no problems\n" {
		t.Errorf("lint of a file outside the questionnaires folder: %s", out)
	}
	if out := s.ok("--questionnaires", dir, "lint", filepath.Join("..", "..", "questionnaires", "builtin", "dpia.yaml")); out != "1 file, no problems\n" {
		t.Errorf("lint of a built-in's source: %s", out)
	}
}

// The refusal counts the problems in words: "1 problem", not "1 problems".
func TestConvertCountsProblemsInWords(t *testing.T) {
	s := newCLISession(t)
	bad := writeFile(t, t.TempDir(), "utf16.json", "\xff\xfe{\x00}\x00")
	code, _, errOut := s.run("", "convert", bad, "-o", filepath.Join(t.TempDir(), "out.yaml"))
	if code != 1 || !strings.Contains(errOut, bad+": 1 problem; nothing was written") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
}
