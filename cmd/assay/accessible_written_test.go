package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// "Written: the Markdown report of assessment 1 is in 4." named what was
// typed (here 4, a menu's number typed at the file name), which reads as
// a folder and says nothing of where it is. The confirmation names the
// file written by its full path.
func TestAccessibleWrittenSaysTheFullPath(t *testing.T) {
	s := newAccessibleSession(t)
	out := s.drive("1", "4", "1", "4", "q")
	full := filepath.Join(s.dir, "4")
	if want := "Written: the Markdown report of assessment 1 is the file " + full + "."; !strings.Contains(out, want) {
		t.Errorf("transcript lacks %q:\n%s", want, out)
	}
	if md, err := os.ReadFile(full); err != nil || !strings.Contains(string(md), "Acme Cloud Ltd") {
		t.Errorf("the report at %s: %v", full, err)
	}
}
