package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The workspace's export writes a new file only where none is: a file
// already there (or behind a symbolic link) is left exactly as it was and
// the error wraps fs.ErrExist, so the workspace asks; written, the file is
// owner-only. Of eight exports to one new name at once, exactly one
// writes it: the others are told the file exists, and none is lost or
// half-written.
func TestExportCreatesButNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	a := &app{getenv: func(k string) string { return map[string]string{"HOME": dir}[k] }, dbPath: filepath.Join(dir, "assay.db")}

	kept := filepath.Join(dir, "kept.md")
	if err := os.WriteFile(kept, []byte("annotated\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, kept)
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(kept, link); err != nil {
		t.Fatal(err)
	}
	// A name typed from ~/ reaches the writer in full: the workspace
	// expands it (tui's TestAnExportNamedFromHomeIsWrittenThere).
	for _, path := range []string{kept, link} {
		err := a.createExport(path, []byte("# report\n"))
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s: %v, want an error wrapping fs.ErrExist", path, err)
		}
		if !before.same(t, kept) {
			t.Fatalf("%s: the file there was changed", path)
		}
	}
	if err := a.createExport(filepath.Join(dir, "assay.db-wal"), []byte("x")); err == nil || errors.Is(err, fs.ErrExist) {
		t.Errorf("an export named like the database's -wal: %v, want a refusal", err)
	}

	fresh := filepath.Join(dir, "fresh.md")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() { errs[i] = a.createExport(fresh, []byte("# report\n")) })
	}
	wg.Wait()
	wrote := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wrote++
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("concurrent export: %v", err)
		}
	}
	if wrote != 1 {
		t.Errorf("%d of 8 concurrent exports wrote the new file, want exactly 1", wrote)
	}
	if got, err := os.ReadFile(fresh); err != nil || string(got) != "# report\n" {
		t.Errorf("the new file holds %q (%v)", got, err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the new file's mode: %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".assay-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}
