package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A YAML tag was dropped without a word: weight: !!null 2 weighed 2,
// weight: !!bool 2 likewise, text: !Warning check the logs lost its first
// word, and !!binary, !!int "12" and !foo loaded as if not written. An
// author who writes a tag expects it to mean something; assay gives
// none any meaning, so each is refused at its line and field, saying so,
// and the value is not read besides (one problem, not two).
func TestYAMLTagsAreRefusedAtTheirField(t *testing.T) {
	const q = "        type: control\n        text: Q\n"
	for _, c := range []struct {
		name, yaml string
		line       int
		field, tag string
	}{
		{"!!int on a weight", strings.Replace(smallestQuestionnaire, q, q+"        weight: !!int \"12\"\n", 1), 12, "sections[s].questions[q].weight", "!!int"},
		{"!!null on a weight", strings.Replace(smallestQuestionnaire, q, q+"        weight: !!null 2\n", 1), 12, "sections[s].questions[q].weight", "!!null"},
		{"!!binary on a text", strings.Replace(smallestQuestionnaire, "text: Q", "text: !!binary aGVsbG8=", 1), 11, "sections[s].questions[q].text", "!!binary"},
		{"a custom tag on a text", strings.Replace(smallestQuestionnaire, "text: Q", "text: !Warning check the logs", 1), 11, "sections[s].questions[q].text", "!Warning"},
		{"!!str on an id", strings.Replace(smallestQuestionnaire, "id: t\n", "id: !!str t\n", 1), 1, "id", "!!str"},
		{"a tag in a list", strings.Replace(smallestQuestionnaire, q, q+"        controls: {nist-csf: [!foo PR.AA-01]}\n", 1), 12, "sections[s].questions[q].controls.nist-csf[0]", "!foo"},
		{"a tag on a key", strings.Replace(smallestQuestionnaire, "title: T\n", "!!str title: T\n", 1), 3, "", "!!str"},
		{"a tag on the document", "!foo\n" + smallestQuestionnaire, 1, "", "!foo"},
	} {
		_, problems := questionnaires.Parse("t.yaml", []byte(c.yaml), questionnaires.Catalog())
		if len(problems) != 1 || problems[0].Line != c.line || problems[0].Field != c.field ||
			!strings.Contains(problems[0].Message, "the YAML tag \""+c.tag+"\" is not used by assay") {
			t.Errorf("%s: %v\nwant one problem at line %d, field %q, saying the YAML tag %q is not used by assay", c.name, problems, c.line, c.field, c.tag)
		}
	}
}

// A %TAG directive, which only declares tags, loaded when --- followed it
// and was otherwise "YAML syntax: unexpected directive value. document
// not started", which says nothing of why. It, and any directive but
// %YAML, is refused at its line, saying plainly assay does not use them.
func TestDirectivesOtherThanYAMLAreRefusedPlainly(t *testing.T) {
	for _, src := range []string{
		"%TAG !e! tag:example.com,2000:\n---\n" + smallestQuestionnaire,
		"%TAG !e! tag:example.com,2000:\n" + smallestQuestionnaire,
		"%YAML 1.2\n%TAG ! tag:example.com,2000:\n---\n" + smallestQuestionnaire,
		"%FOO bar\n---\n" + smallestQuestionnaire,
	} {
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		line := 1 + strings.Count(src[:strings.LastIndex(src, "%")], "\n")
		if len(problems) != 1 || problems[0].Line != line || !strings.Contains(problems[0].Message, "directive is not supported") ||
			!strings.Contains(problems[0].Hint, "assay does not use YAML tags or directives") {
			t.Errorf("%q: %v\nwant one problem at line %d, saying the directive is not supported", src[:30], problems, line)
		}
	}
}
