package questionnaires

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two dimensions; "encryption" names none, so it feeds the first (gaps)
// without saying so: valid, loaded, but warned about.
const implicitDimension = `id: implicit-dimension
version: "1.0.0"
title: Implicit dimension
kind: security
dimensions:
  - {id: gaps, higher: worse}
  - {id: exposure, higher: worse}
sections:
  - id: s
    title: S
    questions:
      - id: records
        type: number
        dimension: exposure
        text: How many records?
        bands: [{upto: 10, points: 0}, {points: 1}]
      - id: encryption
        type: control
        text: Is data encrypted at rest?
      - id: notes
        type: text
        text: Anything else?
      - id: uses-ai
        type: single
        dimension: none
        text: Does it use machine learning?
        options: [yes, no]
`

func TestLintWarnsOnImplicitDimension(t *testing.T) {
	q, problems, warnings := Lint("implicit.yaml", []byte(implicitDimension), Catalog())
	if problems != nil || q == nil {
		t.Fatalf("a warning must not stop the file loading: %v", problems)
	}
	if qq, _ := q.Question("encryption"); qq.Dimension != "gaps" {
		t.Errorf("encryption feeds %q, want the first dimension, gaps", qq.Dimension)
	}
	// Only encryption: records and uses-ai name theirs, text never scores.
	want := `implicit.yaml:17:9: warning: sections[s].questions[encryption]: question encryption names no dimension, so it feeds the first one, "gaps", of 2 (add dimension: gaps (or another, or none) to say which it feeds)`
	if len(warnings) != 1 || warnings[0].String() != want {
		t.Errorf("warnings:\n%v\nwant:\n%s", warnings, want)
	}
	// Parse, which the library and stored snapshots use, does not see it.
	if _, problems := Parse("implicit.yaml", []byte(implicitDimension), Catalog()); problems != nil {
		t.Errorf("Parse: %v", problems)
	}
	// With one dimension the default is the only choice: no warning.
	one := strings.Replace(implicitDimension, "  - {id: exposure, higher: worse}\n", "", 1)
	one = strings.Replace(one, "dimension: exposure", "dimension: gaps", 1)
	if _, problems, warnings := Lint("one.yaml", []byte(one), Catalog()); problems != nil || warnings != nil {
		t.Errorf("one dimension: problems %v, warnings %v", problems, warnings)
	}
	// Warnings come back beside problems, so lint can print both.
	bad := strings.Replace(implicitDimension, "title: Implicit dimension\n", "", 1)
	if _, problems, warnings := Lint("bad.yaml", []byte(bad), Catalog()); len(problems) != 1 || len(warnings) != 1 {
		t.Errorf("problems %v, warnings %v; want one of each", problems, warnings)
	}
}

// The built-in and test questionnaires name a dimension on every scored
// question wherever there are several, so lint is silent on them.
func TestBuiltinAndTestdataHaveNoWarnings(t *testing.T) {
	files, _ := filepath.Glob("builtin/*.yaml")
	more, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found %d files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, problems, warnings := Lint(f, src, Catalog())
		if problems != nil || warnings != nil {
			t.Errorf("%s: problems %v, warnings %v", f, problems, warnings)
		}
	}
}
