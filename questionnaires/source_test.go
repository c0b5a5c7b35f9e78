package questionnaires_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// assay lint parsed a questionnaire three times (is it an extension? a
// catalog? then read it); it now tells the file apart on the parse it
// reads. Telling it apart must record nothing in that parse: every file
// the tests hold, good and bad, lints through a Source exactly as
// through Lint, problems, warnings and all.
func TestASourceLintsAsLintDoes(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"builtin/*.yaml", "testdata/*.yaml", "testdata/invalid/*.yaml", "testdata/extension/*.yaml"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	cat := questionnaires.Catalog()
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want, wantProblems, wantWarnings := questionnaires.Lint(p, src, cat)
		file := questionnaires.ParseSource(p, src)
		if file.IsExtension() != questionnaires.IsExtension(src) || file.IsCatalog() != questionnaires.IsCatalog(src) {
			t.Errorf("%s: told apart differently by a Source", p)
		}
		got, problems, warnings := file.Lint(cat)
		if !reflect.DeepEqual(problems, wantProblems) || !reflect.DeepEqual(warnings, wantWarnings) || (got == nil) != (want == nil) {
			t.Errorf("%s: a Source lints to %v, %v; Lint to %v, %v", p, problems, warnings, wantProblems, wantWarnings)
		}
	}
}

// The field that makes a file an extension or a catalog counts as Field
// reads it: with a value, past an anchor, alias or core tag, and not when
// empty, null or under a refused tag; telling a file apart says nothing of
// a refused tag, which the reading says once.
func TestTellingAFileApartRecordsNothing(t *testing.T) {
	for _, c := range []struct {
		src                string
		extension, catalog bool
	}{
		{"extends: dpia\nid: x\n", true, false},
		{"!!str extends: !!str dpia\n", true, false},
		{"a: &b dpia\nextends: *b\n", true, false},
		{"extends:\nid: x\n", false, false},
		{"extends: ~\n", false, false},
		{"extends: !!null\n", false, false},
		{"extends: !foo dpia\n", false, false},
		{"catalog: {id: c}\n", false, true},
		{"{\"catalog\": {\"id\": \"c\"}}", false, true},
		{"- extends: dpia\n", false, false},
	} {
		file := questionnaires.ParseSource("t.yaml", []byte(c.src))
		if file.IsExtension() != c.extension || file.IsCatalog() != c.catalog {
			t.Errorf("%q: extension %v, catalog %v; want %v, %v", c.src, file.IsExtension(), file.IsCatalog(), c.extension, c.catalog)
		}
	}
	src := []byte(smallestQuestionnaire + "extends: !foo dpia\n")
	file := questionnaires.ParseSource("t.yaml", src)
	file.IsExtension()
	_, problems, _ := file.Lint(questionnaires.Catalog())
	_, want, _ := questionnaires.Lint("t.yaml", src, questionnaires.Catalog())
	if !reflect.DeepEqual(problems, want) || len(problems) != 1 {
		t.Errorf("a file told apart first lints to %v; Lint to %v", problems, want)
	}
}
