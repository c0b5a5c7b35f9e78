package tui_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// Accessible mode's file-name prompts say where a name without a folder
// is written, as docs/accessibility.md does: the prompt said "type a
// path" and nothing of where a relative one went. A name from the home
// folder (~/r.md) is written there and said in full; ~bob/r.md is
// refused, saying why, and nothing is written.
func TestAccessibleExportSaysWhereNamesGo(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	home := t.TempDir()
	d := e.deps()
	d.Home = home
	in := strings.Join([]string{
		"1", "b", // assessment 1, from its first question to its choices
		"4", "1", "~/r.md", // its report, as Markdown, in the home folder
		"4", "1", "~bob/r.md", "b", "b", // another person's home folder: refused
		"q"}, "\n") + "\n"
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	said := strings.Join(strings.Fields(out.String()), " ")
	for _, want := range []string{
		"File name for the Markdown report: type a path (a name without a folder is written in " + e.dir + "; ~/ is your home folder),",
		"Written: the Markdown report of assessment 1 is the file " + filepath.Join(home, "r.md") + ".",
		"Not written: ~bob/ names the home folder of bob, which assay does not look up: type the full path, or ~/ for your own.",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("transcript lacks %q:\n%s", want, out.String())
		}
	}
	if md, err := os.ReadFile(filepath.Join(home, "r.md")); err != nil || !strings.Contains(string(md), "Acme Cloud Ltd") {
		t.Errorf("the report in the home folder: %v", err)
	}
	for _, dir := range []string{"~", "~bob"} {
		if _, err := os.Stat(filepath.Join(e.dir, dir)); err == nil {
			t.Errorf("a folder named %s was made in %s", dir, e.dir)
		}
	}
}
