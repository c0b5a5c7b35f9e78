package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkPrivate fails for any file under root not 0600 and any directory
// not 0700.
func checkPrivate(t *testing.T, root string) (files int) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		} else {
			files++
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", path, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// With a umask of 0, the database and its WAL and shared-memory files, the
// folders assay creates for it, and every file assay writes (report,
// CSV, OSCAL, export, vendor file, the TUI's report export) are owner-only.
// A file written over an existing world-readable one becomes owner-only.
func TestFilesAreOwnerOnly(t *testing.T) {
	withUmask(t, 0)
	s := newCLISession(t)
	data := filepath.Join(t.TempDir(), "private")
	s.env["ASSAY_DB"] = filepath.Join(data, "nested", "assay.db")
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")

	// The database is open (and its WAL and -shm exist) while assay
	// writes; check them with a connection held open.
	a := &app{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{}, getenv: func(k string) string { return s.env[k] }}
	a.dbPath = s.env["ASSAY_DB"]
	db, err := a.store()
	if err != nil {
		t.Fatal(err)
	}
	s.ok("plan", id, "--item", "mfa", "--owner", "Sam", "--as-of", "2026-01-11")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(s.env["ASSAY_DB"] + suffix); err != nil {
			t.Errorf("assay.db%s: %v", suffix, err)
		}
	}
	if n := checkPrivate(t, data); n < 3 {
		t.Errorf("%d files in the database folder", n)
	}
	db.Close()
	a.db = nil

	out := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(out, "report.md")
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"report", id, "-o", existing},
		{"report", id, "--format", "csv", "-o", filepath.Join(out, "plan.csv")},
		{"report", id, "--format", "oscal-poam", "-o", filepath.Join(out, "poam.json")},
		{"plan", id, "--csv", "-o", filepath.Join(out, "plan2.csv")},
		{"plan", id, "-o", filepath.Join(out, "plan.txt")},
		{"export", id, "-o", filepath.Join(out, "acme.json")},
		{"send", id, "-o", filepath.Join(out, "vendor.yaml")},
	} {
		s.ok(args...)
	}
	// The TUI's export goes through the same writer.
	deps, err := (&app{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{},
		getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}).tuiDeps()
	if err != nil {
		t.Fatal(err)
	}
	if err := deps.WriteFile(filepath.Join(out, "tui.md"), []byte("# report\n")); err != nil {
		t.Fatal(err)
	}
	if n := checkPrivate(t, out); n != 8 {
		t.Errorf("%d files written, want 8", n)
	}
	// Eight files and nothing else: no temporary file was left behind. In
	// the config folder assay writes one file of its own, the signing key
	// made on the first change: owner-only, in owner-only folders.
	if n := checkPrivate(t, s.env["XDG_CONFIG_HOME"]); n != 1 {
		t.Errorf("%d files in the config folder, want the signing key alone", n)
	}
	if _, err := os.Stat(filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem")); err != nil {
		t.Error(err)
	}
}
