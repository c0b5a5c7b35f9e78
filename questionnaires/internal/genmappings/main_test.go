package main

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

const docPath = "../../../docs/mappings.md"

// TestMappingsDocUpToDate fails when a built-in questionnaire changed and
// docs/mappings.md was not regenerated.
func TestMappingsDocUpToDate(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	want := render(lib.All(), questionnaires.Catalog())
	have, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("%v: run go run ./questionnaires/internal/genmappings", err)
	}
	if !bytes.Equal(have, want) {
		t.Fatal("docs/mappings.md is out of date: run go run ./questionnaires/internal/genmappings from the repository root")
	}
	if err := run(docPath, true); err != nil {
		t.Errorf("-check disagrees with the test: %v", err)
	}
}

// TestRenderListsEveryMapping: each question appears in its questionnaire's
// table with every control it maps to, and each control in the index.
func TestRenderListsEveryMapping(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cat := questionnaires.Catalog()
	doc := string(render(lib.All(), cat))
	for _, q := range lib.All() {
		section := doc[strings.Index(doc, "\n## "+q.Title+"\n"):]
		section = section[:strings.Index(section[4:], "\n## ")+4]
		for _, qq := range q.Questions {
			var row string
			for _, line := range strings.Split(section, "\n") {
				if row == "" && strings.HasPrefix(line, "| `"+qq.ID+"` |") { // the question table's row, not the concerns table's
					row = line
				}
			}
			if row == "" {
				t.Errorf("%s/%s has no row", q.ID, qq.ID)
				continue
			}
			for _, fw := range assess.Frameworks {
				for _, id := range qq.Controls[fw] {
					if !strings.Contains(row, "`"+id+"`") {
						t.Errorf("%s/%s: row lacks %s", q.ID, qq.ID, id)
					}
					if !strings.Contains(doc, "| `"+id+"` |") {
						t.Errorf("index lacks %s", id)
					}
					if !strings.Contains(doc, "`"+q.ID+"/"+qq.ID+"`") {
						t.Errorf("index lacks %s/%s", q.ID, qq.ID)
					}
				}
			}
		}
	}
}

func TestCellAndShorten(t *testing.T) {
	if got := cell("a | b\n<script>"); got != `a \| b &lt;script&gt;` {
		t.Errorf("cell = %q", got)
	}
	if got := shorten("one two three four", 9); got != "one two…" {
		t.Errorf("shorten = %q", got)
	}
	if got := anchor("Pre-screen: which assessments? (DPIA)"); got != "pre-screen-which-assessments-dpia" {
		t.Errorf("anchor = %q", got)
	}
}

// TestRenderListsConcerns: each risk that names the controls it concerns
// has a row after its questionnaire's table with every one of them, and
// they stay out of the index by control, which is coverage's.
func TestRenderListsConcerns(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cat := questionnaires.Catalog()
	doc := string(render(lib.All(), cat))
	index := doc[strings.Index(doc, "\n## Index by control\n"):]
	listed := 0
	for _, q := range lib.All() {
		section := doc[strings.Index(doc, "\n## "+q.Title+"\n"):]
		section = section[:strings.Index(section[4:], "\n## ")+4]
		concerns := section[strings.Index(section, "| Question |"):]
		if i := strings.Index(concerns, "| Risk |"); i >= 0 {
			concerns = concerns[i:]
		} else {
			concerns = ""
		}
		for _, qq := range q.Questions {
			if qq.Concerns == nil {
				continue
			}
			listed++
			var row string
			for _, line := range strings.Split(concerns, "\n") {
				if strings.HasPrefix(line, "| `"+qq.ID+"` |") {
					row = line
				}
			}
			if row == "" {
				t.Errorf("%s/%s names the controls it concerns but has no row for them", q.ID, qq.ID)
				continue
			}
			for _, fw := range assess.Frameworks {
				for _, id := range qq.Concerns[fw] {
					if !strings.Contains(row, "`"+id+"`") {
						t.Errorf("%s/%s concerns %s, not in its row: %s", q.ID, qq.ID, id, row)
					}
					if !slices.Contains(qq.Controls[fw], id) && indexRowNames(index, id, q.ID+"/"+qq.ID) {
						t.Errorf("the index lists %s/%s under %s, which it only concerns", q.ID, qq.ID, id)
					}
				}
			}
		}
	}
	if listed == 0 {
		t.Error("no built-in risk names the controls it concerns")
	}
}

// indexRowNames reports whether the index's row for control id names ref.
func indexRowNames(index, id, ref string) bool {
	for _, line := range strings.Split(index, "\n") {
		if strings.HasPrefix(line, "| `"+id+"` |") {
			return strings.Contains(line, "`"+ref+"`")
		}
	}
	return false
}
