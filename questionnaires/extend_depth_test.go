package questionnaires

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An extension could extend an extension without end: each level's
// combined version carries the level below's (1.0.0+e58-1.0.0+e57-…), so
// sixty levels made a version of 615 characters that assay list and the
// report's heading showed whole, and loading the folder took seconds more
// with each level (the chain is combined in as many rounds as it has
// levels). An extension is now at most MaxExtensionDepth levels above a
// questionnaire file; one further is refused at its extends line, naming
// the chain, and assay lint on it says the same. The levels below it load.
func TestExtensionChainDeeperThanTheLimitIsRefused(t *testing.T) {
	dir := t.TempDir()
	ext := func(id, base string) string {
		return "extends: " + base + "\nid: " + id + "\nversion: \"1\"\nadd:\n  - after: mfa\n    questions:\n      - {id: " + id + "-q, type: control, text: Is " + id + " done?}\n"
	}
	base := "vendor-security-screen"
	var paths []string
	for i := 1; i <= MaxExtensionDepth+1; i++ {
		id := fmt.Sprintf("level%d", i)
		path := filepath.Join(dir, id+".yaml")
		if err := os.WriteFile(path, []byte(ext(id, base)), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		base = id
	}
	lib, problems, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= MaxExtensionDepth; i++ {
		if _, ok := lib.Get(fmt.Sprintf("level%d", i)); !ok {
			t.Errorf("level%d, %d levels above the screen, did not load", i, i)
		}
	}
	deepest := fmt.Sprintf("level%d", MaxExtensionDepth+1)
	if _, ok := lib.Get(deepest); ok {
		t.Errorf("%s, %d levels above the screen, loaded", deepest, MaxExtensionDepth+1)
	}
	var chain []string
	for i := MaxExtensionDepth; i >= 1; i-- {
		chain = append(chain, fmt.Sprintf("level%d", i))
	}
	chain = append(chain, "vendor-security-screen")
	want := fmt.Sprintf(`%s:1:10: extends: extends "level%d", already %d extensions deep (%s); an extension can be at most %d levels above a questionnaire file`,
		deepest+".yaml", MaxExtensionDepth, MaxExtensionDepth, strings.Join(chain, " → "), MaxExtensionDepth)
	if len(problems) != 1 || !strings.Contains(problems[0].String(), want) {
		t.Errorf("problems:\n%v\nwant one: %s", problems, want)
	}
	src, err := os.ReadFile(paths[len(paths)-1])
	if err != nil {
		t.Fatal(err)
	}
	if q, lintProblems, _ := lib.LintExtension(paths[len(paths)-1], src); q != nil || len(lintProblems) != 1 || !strings.Contains(lintProblems[0].String(), want) {
		t.Errorf("assay lint on %s: %v\nwant: %s", deepest, lintProblems, want)
	}
}
