package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A YAML tag was dropped without a word: weight: !!null 2 weighed 2,
// weight: !!bool 2 likewise, text: !Warning check the logs lost its first
// word, and !!binary and !foo loaded as if not written. A tag that gives a
// value a meaning assay has none for, or a core tag on a value not of its
// kind, is refused at its line and field, saying so, and the value is not
// read besides (one problem, not two).
func TestYAMLTagsAreRefusedAtTheirField(t *testing.T) {
	const q = "        type: control\n        text: Q\n"
	withText := func(text string) string { return strings.Replace(smallestQuestionnaire, "text: Q", "text: "+text, 1) }
	withWeight := func(weight string) string {
		return strings.Replace(smallestQuestionnaire, q, q+"        weight: "+weight+"\n", 1)
	}
	const text, weight = "sections[s].questions[q].text", "sections[s].questions[q].weight"
	for _, c := range []struct {
		name, yaml string
		line       int
		field, tag string
		why        string
	}{
		{"!!null on a weight", withWeight("!!null 2"), 12, weight, "!!null", `is on "2", which is not empty`},
		{"!!bool on a weight", withWeight("!!bool 2"), 12, weight, "!!bool", `is on "2", which is not true or false`},
		{"!!int on a word", withWeight("!!int twelve"), 12, weight, "!!int", `is on "twelve", which is not a whole number`},
		{"!!int on a fraction", withWeight("!!int 1.5"), 12, weight, "!!int", `is on "1.5", which is not a whole number`},
		{"!!float on a word", withWeight("!!float lots"), 12, weight, "!!float", `is on "lots", which is not a number`},
		{"!!int with no value", withWeight("!!int"), 12, weight, "!!int", "has no value after it"},
		{"!!bool on yes", strings.Replace(smallestQuestionnaire, q, q+"        optional: !!bool yes\n", 1), 12, "sections[s].questions[q].optional", "!!bool", `is on "yes", which is not true or false`},
		{"!!binary on a text", withText("!!binary aGVsbG8="), 11, text, "!!binary", "is not used by assay"},
		{"!!timestamp on a text", withText("!!timestamp 2026-01-15"), 11, text, "!!timestamp", "is not used by assay"},
		{"!!set on a text", withText("!!set {a, b}"), 11, text, "!!set", "is not used by assay"},
		{"!!omap on a text", withText("!!omap [{a: 1}]"), 11, text, "!!omap", "is not used by assay"},
		{"a verbatim core tag", withText("!<tag:yaml.org,2002:str> Q"), 11, text, "!<tag:yaml.org,2002:str>", "is not used by assay"},
		{"a custom tag on a text", withText("!Warning check the logs"), 11, text, "!Warning", "is not used by assay"},
		{"a tag in a list", strings.Replace(smallestQuestionnaire, q, q+"        controls: {nist-csf: [!foo PR.AA-01]}\n", 1), 12, "sections[s].questions[q].controls.nist-csf[0]", "!foo", "is not used by assay"},
		{"a custom tag on a key", strings.Replace(smallestQuestionnaire, "title: T\n", "!foo title: T\n", 1), 3, "", "!foo", "is not used by assay"},
		{"!!int on a key", strings.Replace(smallestQuestionnaire, "title: T\n", "!!int title: T\n", 1), 3, "", "!!int", `is on "title", which is not a whole number`},
		{"a tag on the document", "!foo\n" + smallestQuestionnaire, 1, "", "!foo", "is not used by assay"},
	} {
		_, problems := questionnaires.Parse("t.yaml", []byte(c.yaml), questionnaires.Catalog())
		want := "the YAML tag \"" + c.tag + "\" " + c.why
		if len(problems) != 1 || problems[0].Line != c.line || problems[0].Field != c.field || problems[0].File != "t.yaml" ||
			!strings.Contains(problems[0].Message, want) {
			t.Errorf("%s: %v\nwant one problem in t.yaml at line %d, field %q, saying %s", c.name, problems, c.line, c.field, want)
		}
	}
}

// A core tag on a value the parser cannot read as its kind (!!str on a
// mapping, !!seq on text, !!map on a list) was refused as "YAML syntax:
// could not find map" and the like, which does not say the tag is what
// does not fit; then, naming the tag, still by its line alone: the parser
// stops before the field is known. It is refused at its line and field,
// saying what the value is, as a tag on a value of another kind the
// parser reads is (!!null 2), and the rest of the file is read.
func TestACoreTagOnAValueOfAnotherShapeIsNamed(t *testing.T) {
	for _, c := range []struct{ text, tag, why string }{
		{"!!str {a: b}", "!!str", "is on a mapping, not a single value"},
		{"!!seq Q", "!!seq", "is on text, not a list"},
		{"!!map [Q]", "!!map", "is on a list, not a mapping"},
		{"!!int [1]", "!!int", "is on a list, not a single value"},
		{"!!seq {a: b}", "!!seq", "is on a mapping, not a list"},
		{"!!map Q", "!!map", "is on text, not a mapping"},
	} {
		src := strings.Replace(smallestQuestionnaire, "text: Q", "text: "+c.text, 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		want := "the YAML tag \"" + c.tag + "\" " + c.why
		if len(problems) != 1 || problems[0].Line != 11 || problems[0].File != "t.yaml" || problems[0].Field != "sections[s].questions[q].text" ||
			!strings.Contains(problems[0].Message, want) {
			t.Errorf("text: %s: %v\nwant one problem in t.yaml at line 11, field sections[s].questions[q].text, saying %s", c.text, problems, want)
		}
	}
	// Two such tags, and a mistake after them: each is said at its field.
	src := strings.Replace(smallestQuestionnaire, "text: Q", "text: !!seq Q\n        severity: !!map high\n        wieght: 2", 1)
	_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	var got []string
	for _, p := range problems {
		got = append(got, p.Field)
	}
	if want := []string{"sections[s].questions[q].text", "sections[s].questions[q].severity", "sections[s].questions[q].wieght"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("two misshapen tags and an unknown field: problems at %q, want %q:\n%v", got, want, problems)
	}
}

// A user's control catalog is read as a questionnaire is: a core tag on a
// value of another shape is refused at its field.
func TestACoreTagOnAValueOfAnotherShapeInACatalogIsNamed(t *testing.T) {
	src := "catalog: mine\ntitle: My controls\ncontrols:\n  - {id: ac-1, name: !!seq Policy}\n"
	c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src))
	if c != nil || len(problems) != 1 || problems[0].Line != 4 || problems[0].Field != "controls[ac-1].name" ||
		!strings.Contains(problems[0].Message, `the YAML tag "!!seq" is on text, not a list`) {
		t.Errorf("got catalog %v, problems %v; want one at line 4, controls[ac-1].name, naming the tag", c != nil, problems)
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
