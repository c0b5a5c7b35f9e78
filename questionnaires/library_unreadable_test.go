package questionnaires

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

const unreadableGood = `id: good
version: "1.0.0"
title: Good
kind: security
sections:
  - id: s
    title: S
    questions:
      - {id: q1, type: control, text: Is it in place?}
`

// A file of the questionnaires folder, or of its catalogs folder, that
// cannot be read (a symlink to nothing, a symlink loop, a named pipe among
// the catalogs) is a problem of that file: it is skipped with a message
// naming it, and the other questionnaires still load. Before, the first
// such file stopped every command with a bare "stat ...: too many levels of
// symbolic links", the built-in questionnaires included.
func TestUnreadableFilesInTheFolderAreSkipped(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, dir string) string // returns the bad file's path
		want string
	}{
		{"dangling symlink", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "gone.yaml")
			mustSymlink(t, "nowhere.yaml", p)
			return p
		}, "no such file"},
		{"symlink loop", func(t *testing.T, dir string) string {
			mustSymlink(t, "loop2.yaml", filepath.Join(dir, "loop1.yaml"))
			mustSymlink(t, "loop1.yaml", filepath.Join(dir, "loop2.yaml"))
			return filepath.Join(dir, "loop1.yaml")
		}, "a loop of symbolic links"},
		{"dangling symlink among the catalogs", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, CatalogDir, "gone.yaml")
			mustSymlink(t, "nowhere.yaml", p)
			return p
		}, "no such file"},
		{"named pipe among the catalogs", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, CatalogDir, "pipe.yaml")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, "named pipe (FIFO), not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, CatalogDir), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(unreadableGood), 0o600); err != nil {
				t.Fatal(err)
			}
			bad := c.make(t, dir)
			lib, problems, err := Load(dir)
			if err != nil {
				t.Fatalf("Load: %v, want the file skipped as a problem", err)
			}
			if _, ok := lib.Get("good"); !ok {
				t.Error("good.yaml was not loaded beside the unreadable file")
			}
			if _, ok := lib.Get("vendor-security-screen"); !ok {
				t.Error("the built-in questionnaires were not loaded")
			}
			found := false
			for _, p := range problems {
				if p.File == bad && strings.Contains(p.Message, c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems %v, want one of %s saying %q", problems, bad, c.want)
			}
		})
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
