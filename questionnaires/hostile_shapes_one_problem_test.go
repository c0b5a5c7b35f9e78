package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Three shapes a hostile or careless author writes, each said as more
// than one mistake, or as one it is not:
//
//   - an alias to no anchor (text: *nope) was said three times: twice
//     as an unknown alias, once as a question without text;
//   - a file that is a list, or a line of text, not a mapping, was said
//     as that and then as missing each of id, version, title, kind and
//     sections (six problems for one; a catalog, three);
//   - a file starting with a YAML directive (%YAML 1.2, then ---), as
//     some editors and generators write, was refused as holding "more
//     than one YAML document", which it does not: it loads.
func TestHostileShapesAreOneProblemOrNone(t *testing.T) {
	for _, c := range []struct {
		name, yaml string
		line       int
		field      string
		says       string
	}{
		{"an alias to no anchor", strings.Replace(smallestQuestionnaire, "        text: Q\n", "        text: *nope\n", 1), 11, "sections[s].questions[q].text", "unknown alias *nope"},
		{"a list", "- id: t\n- version: \"1\"\n", 1, "", "expected a mapping of fields, found a list"},
		{"a line of text", "a questionnaire\n", 1, "", "expected a mapping of fields, found text"},
	} {
		_, problems := questionnaires.Parse("t.yaml", []byte(c.yaml), questionnaires.Catalog())
		if len(problems) != 1 || problems[0].Line != c.line || problems[0].Field != c.field || !strings.Contains(problems[0].String(), c.says) {
			t.Errorf("%s: %.600v\nwant one problem at line %d, %q, saying %s", c.name, problems, c.line, c.field, c.says)
		}
	}
	// A document of nothing (a lone tag) is still refused, as missing its
	// fields.
	if q, problems := questionnaires.Parse("t.yaml", []byte("! "), questionnaires.Catalog()); q != nil || len(problems) == 0 {
		t.Errorf("a lone tag: loaded %v, problems %v", q != nil, problems)
	}
	if c, problems := questionnaires.ParseCatalog("c.yaml", []byte("! ")); c != nil || len(problems) == 0 {
		t.Errorf("a catalog of a lone tag: loaded %v, problems %v", c != nil, problems)
	}
	if c, problems := questionnaires.ParseCatalog("c.yaml", []byte("- {id: ac-1, name: Policy}\n")); c != nil || len(problems) != 1 || !strings.Contains(problems[0].Message, "expected a mapping of fields, found a list") {
		t.Errorf("a catalog that is a list: %v", problems)
	}
	for _, directive := range []string{"%YAML 1.2\n---\n", "%YAML 1.1\n---\n"} {
		if q, problems := questionnaires.Parse("t.yaml", []byte(directive+smallestQuestionnaire), questionnaires.Catalog()); q == nil {
			t.Errorf("%q before a questionnaire: %v", directive, problems)
		}
	}
}
