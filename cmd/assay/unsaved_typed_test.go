package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// ctrl+c in the workspace with a long note being typed printed the whole
// note on the terminal as it left. The notice is short now (the
// workspace's Unsaved); the text is kept whole, in a file only its owner
// can read under assay's data folder, and the line on leaving says where.
func TestLongUntypedTextIsKeptInAFileAndNamed(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"HOME": dir, "XDG_DATA_HOME": filepath.Join(dir, "data"), "ASSAY_DB": filepath.Join(dir, "assay.db")}
	var errOut bytes.Buffer
	a := &app{stdout: &bytes.Buffer{}, stderr: &errOut, getenv: func(k string) string { return env[k] }}
	note := strings.Repeat("The vendor's SOC 2 report covers only the EU region.\n", 40)
	a.keepLongUntyped([]tui.Untyped{{About: "#1 Payroll system: the note being typed to question mfa", Text: note, Why: "quit before enter gave it"}})

	said := errOut.String()
	if strings.Count(said, "\n") != 1 || strings.Contains(said, "SOC 2") || len(said) > 300 {
		t.Fatalf("the notice is not one short line: %q", said)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "data", "assay", "unsaved", "*.txt"))
	if len(files) != 1 || !strings.Contains(said, files[0]) {
		t.Fatalf("kept in %v; the notice says %q", files, said)
	}
	b, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(b), note) || !strings.Contains(string(b), "the note being typed to question mfa") {
		t.Errorf("the file does not hold the note whole: %v\n%.300s", err, b)
	}
	if fi, err := os.Stat(files[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the file's mode: %v %v", fi.Mode(), err)
	}
}
