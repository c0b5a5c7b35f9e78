package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// README.md and docs/*.md name the tests that hold each promise (a test
// function, or its file), so that a reader can run it. A test renamed or
// folded into another left the docs naming one that no longer exists:
// docs/team.md named three tests of kept changes after they had become
// cases of others.
func TestDocsNameTestsThatExist(t *testing.T) {
	root := filepath.Join("..", "..")
	funcs := map[string]bool{}
	funcDecl := regexp.MustCompile(`(?m)^func (Test\w+)\(`)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range funcDecl.FindAllStringSubmatch(string(src), -1) {
			funcs[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, filepath.Join(root, "README.md"))
	testName := regexp.MustCompile("`(Test[A-Z]\\w*)`")
	testFile := regexp.MustCompile("`([\\w/.-]+_test\\.go)`")
	named := 0
	for _, doc := range docs {
		src, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range testName.FindAllStringSubmatch(string(src), -1) {
			named++
			if !funcs[m[1]] {
				t.Errorf("%s names %s, and no test of that name exists", filepath.Base(doc), m[1])
			}
		}
		for _, m := range testFile.FindAllStringSubmatch(string(src), -1) {
			named++
			if _, err := os.Stat(filepath.Join(root, m[1])); err != nil {
				t.Errorf("%s names %s, and there is no such file", filepath.Base(doc), m[1])
			}
		}
	}
	if named < 100 {
		t.Errorf("found %d tests named in the docs; they name far more, so the reading of them broke", named)
	}
}
