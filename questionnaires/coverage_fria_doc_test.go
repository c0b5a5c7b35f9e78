package questionnaires_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// articleElement finds the Article 27(1) element a FRIA section's help
// opens with: "Article 27(1)(d). Rate each risk ..." is (d).
var articleElement = regexp.MustCompile(`^Article 27\(1\)(\([a-f]\))`)

// docs/coverage.md's row for an element of Article 27(1) named some of
// the FRIA's questions on it, not each: its (d) row left out the risks
// to education and to justice, so a reader checking the FRIA against the
// Article took two of its risks as not asked. Each row "(x) ..." now
// names every question of the FRIA section that asks for element (x),
// read from the questionnaire itself.
func TestCoverageDocNamesEveryFRIAQuestionOfEachElement(t *testing.T) {
	fria, ok := biLibrary(t).Get("eu-ai-act-fria")
	if !ok {
		t.Fatal("eu-ai-act-fria is not built in")
	}
	var ai map[string][]string
	for _, sec := range parseCoverageDoc(t, readCoverageDoc(t)) {
		if strings.HasSuffix(sec.heading, ". AI") {
			ai = sec.rows
		}
	}
	if ai == nil {
		t.Fatal("docs/coverage.md has no AI section")
	}
	elements := 0
	for _, s := range fria.Sections {
		m := articleElement.FindStringSubmatch(strings.TrimSpace(s.Help))
		if m == nil {
			continue
		}
		elements++
		var row []string
		for topic, refs := range ai {
			if strings.HasPrefix(topic, m[1]+" ") {
				row = refs
			}
		}
		if row == nil {
			t.Errorf("docs/coverage.md has no row for Article 27(1)%s (section %s)", m[1], s.ID)
			continue
		}
		for _, q := range s.Questions {
			if !slices.Contains(row, "eu-ai-act-fria/"+q.ID) {
				t.Errorf("docs/coverage.md's row %s does not name eu-ai-act-fria/%s, which section %s asks for it", m[1], q.ID, s.ID)
			}
		}
	}
	if elements != 6 {
		t.Errorf("found %d sections for the elements of Article 27(1), want (a) to (f)", elements)
	}
}
