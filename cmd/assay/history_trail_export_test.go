package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/history"
)

// The workspace's export of the trail (tui.Deps.TrailFile, written by
// Deps.CreateFile) writes what assay history -o writes for the same
// records: the same text, the same JSON; a name for another format is
// refused before anything is written, and the database is never written
// over.
func TestTrailExportIsAssayHistoryFile(t *testing.T) {
	s, id := historySession(t)
	dir := t.TempDir()
	s.ok("history", id, "--question", "encryption", "-o", filepath.Join(dir, "cli.txt"))
	s.ok("history", id, "--question", "encryption", "-o", filepath.Join(dir, "cli.json"))
	a := &app{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{},
		getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}
	defer a.close()
	d, err := a.tuiDeps()
	if err != nil {
		t.Fatal(err)
	}
	if d.TrailFile == nil {
		t.Fatal("the workspace is given no way to write the trail")
	}
	v, entries, err := d.History(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	tr := history.Trail{Assessment: 1, Verdict: v, Entries: entries, Filter: history.Filter{Question: "encryption"}}
	for _, name := range []string{"tui.txt", "tui.json"} {
		content, err := d.TrailFile(name, tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.CreateFile(filepath.Join(dir, name), content); err != nil {
			t.Fatal(err)
		}
		cli, _ := os.ReadFile(filepath.Join(dir, "cli"+filepath.Ext(name)))
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != string(cli) || len(cli) == 0 {
			t.Errorf("%s:\n%s\nassay history -o wrote:\n%s", name, got, cli)
		}
	}
	if _, err := d.TrailFile("trail.pdf", tr); err == nil || !strings.Contains(err.Error(), "trail.pdf is named for a PDF file, which assay history does not write: it writes text (.txt or .md) or JSON (.json); nothing was written") {
		t.Errorf("trail.pdf: %v", err)
	}
	content, _ := d.TrailFile("x.txt", tr)
	if err := d.WriteFile(s.env["ASSAY_DB"], content); err == nil || !strings.Contains(err.Error(), "is the database assay is using") {
		t.Errorf("the trail written over the database: %v", err)
	}
}
