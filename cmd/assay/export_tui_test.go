package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The workspace's report export, typed as a person would in tmux: a path
// starting with ~/ is in the home folder, and said by its full path there
// (it was said as typed, ~/reports/acme.md); ~nobody/ (another person's
// home folder, which assay does not look up) is refused; a path that
// cannot be written is named in full, never as the temporary file assay
// writes first; and ~ pointing at the database is refused, leaving it
// whole. Before, ~ was a folder named "~" and the error named
// .assay-1234567.
func TestWorkspaceExportExpandsHomeAndNamesThePathTyped(t *testing.T) {
	bin, home, db, env := binaryWithAssessment(t)
	if err := os.Mkdir(filepath.Join(home, "reports"), 0o700); err != nil {
		t.Fatal(err)
	}
	p := startTmuxAt(t, bin, env, 240, 24) // room for the home folder in full
	p.waitText("Acme Cloud Ltd", "0/33")
	p.keys("m")
	p.waitText("Committee report preview", "Markdown, HTML, PDF or DOCX")
	export := func(path string) {
		p.keys("e")
		p.waitText("Export to:")
		p.keys("C-u")
		p.keys("-l", path)
		p.waitText(path)
		p.keys("Enter")
	}

	export("~nobody/acme.md")
	p.waitText("~nobody/ names the home folder of nobody, which assay does not look up")

	export("~/reports/acme.md")
	p.waitText("Exported to " + filepath.Join(home, "reports", "acme.md"))
	b, err := os.ReadFile(filepath.Join(home, "reports", "acme.md"))
	if err != nil || !strings.Contains(string(b), "Acme Cloud Ltd") {
		t.Errorf("~/reports/acme.md: %q, %v", b, err)
	}
	if fi, err := os.Stat(filepath.Join(home, "reports", "acme.md")); err == nil && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o, want 0600", fi.Mode().Perm())
	}

	export("~/missing/acme.md")
	p.waitText("export failed: cannot write " + filepath.Join(home, "missing", "acme.md") + ": the folder " + filepath.Join(home, "missing") + " does not")
	if strings.Contains(p.screen(), ".assay-") {
		t.Errorf("the error names the temporary file:\n%s", p.screen())
	}

	// A .db name is refused for its extension, before the database
	// check; the database's -wal file by that check.
	export("~/assay.db")
	p.waitText("~/assay.db is named for an SQLite database file")
	export("~/assay.db-wal")
	p.waitText("export failed: " + filepath.Join(home, "assay.db-wal") + " is the database assay is using")
	p.keys("q")
	if r := runProc(bin, env, "list"); r.code != 0 || !strings.Contains(r.stdout, "Acme Cloud Ltd") {
		t.Errorf("the database after the refused export: exit %d, %s%s", r.code, r.stdout, r.errs)
	}
	if after, _ := os.ReadFile(db); !strings.HasPrefix(string(after), "SQLite format 3\x00") {
		t.Errorf("the database was replaced: it starts %.40q", after)
	}
	for _, dir := range []string{"~", "~nobody"} {
		if _, err := os.Stat(filepath.Join(home, dir)); err == nil {
			t.Errorf("assay made a folder named %s", dir)
		}
	}
}
