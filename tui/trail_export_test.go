package tui_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/history"
)

// trailFileOf stands for assay history's writer (cmd/assay's
// TestTrailExportIsAssayHistoryFile shows the real one writes what assay
// history -o does): it says which records it was given to write, and in
// which format, and refuses a .pdf name as the real one does.
func trailFileOf(path string, t history.Trail) ([]byte, error) {
	if strings.HasSuffix(path, ".pdf") {
		return nil, errors.New(filepath.Base(path) + " is named for a PDF file, which assay history does not write; nothing was written")
	}
	var seqs []string
	for _, e := range t.Shown() {
		seqs = append(seqs, fmt.Sprint(e.Seq))
	}
	return []byte(fmt.Sprintf("%s of assessment %d: records %s\n", filepath.Ext(path), t.Assessment, strings.Join(seqs, ","))), nil
}

// e on the trail writes the records shown, filtered as they are, to a
// file named in the export folder (tab: the JSON name), through the
// workspace's export writer: a file there already is replaced only after
// y; a name for another format is refused, nothing written.
func TestTrailExport(t *testing.T) {
	e := trailEnv(t)
	d := e.deps()
	d.TrailFile = trailFileOf
	f := e.startSized(d, 100, 30)
	f.waitFor("Acme Cloud Ltd")
	f.press("h")
	f.waitFor("Dana Reyes", "Sam Lee", "e export the trail shown")
	f.press("/")
	f.typeText("sam")
	f.press("enter")
	f.waitFor("1 of 3 records match")
	f.press("e")
	f.waitFor("Export to: ", "acme-cloud-ltd-1-trail.txt")
	f.press("enter")
	txt := filepath.Join(e.dir, "acme-cloud-ltd-1-trail.txt")
	f.waitFor("Exported the 1 record shown to " + txt)
	if b, err := os.ReadFile(txt); err != nil || string(b) != ".txt of assessment 1: records 3\n" {
		t.Fatalf("%s: %q %v", txt, b, err)
	}
	// The whole trail, over the same file: asked first.
	f.press("esc")
	f.waitFor("assessment created")
	f.press("e", "enter")
	f.waitFor("Already there: ", "y overwrites it")
	f.press("y")
	f.waitFor("Exported the 3 records shown to " + txt)
	if b, _ := os.ReadFile(txt); string(b) != ".txt of assessment 1: records 1,2,3\n" {
		t.Fatalf("%s after y: %q", txt, b)
	}
	// tab gives the JSON name.
	f.press("e", "tab")
	f.waitFor("acme-cloud-ltd-1-trail.json")
	f.press("enter")
	f.waitFor("Exported the 3 records shown to " + strings.TrimSuffix(txt, ".txt") + ".json")
	// A PDF name: refused, said, nothing written.
	f.press("e", "tab", "backspace", "backspace", "backspace", "backspace")
	f.typeText("pdf")
	f.press("enter")
	f.waitFor("is named for a PDF file")
	if _, err := os.Stat(filepath.Join(e.dir, "acme-cloud-ltd-1-trail.pdf")); err == nil {
		t.Error("a PDF name was written")
	}
	f.press("?")
	f.waitFor("export the trail shown")
}
