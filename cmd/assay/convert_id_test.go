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
