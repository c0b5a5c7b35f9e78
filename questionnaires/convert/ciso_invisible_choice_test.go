package convert

import (
	"slices"
	"strings"
	"testing"
)

// cisoOldLib is cisoLib's requirement in the older question shape: one
// question: block with question_type and plain question_choices.
const cisoOldLib = `urn: urn:intuitem:risk:library:broken
ref_id: broken
name: Broken
version: 1
objects:
  framework:
    urn: urn:intuitem:risk:framework:broken
    ref_id: broken
    name: Broken
    requirement_nodes:
    - urn: urn:intuitem:risk:req_node:broken:a.1
      assessable: true
      depth: 1
      ref_id: A.1
      name: Requirement
      question:
        question_type: unique_choice
        question_choices:
        - 'Yes'
        - 'No'
        questions:
        - urn: urn:intuitem:risk:req_node:broken:a.1:question:1
          text: Invented?
        - urn: urn:intuitem:risk:req_node:broken:a.1:question:2
          text: Invented too?
`

// A choice whose text is only characters that show as nothing (zero-width
// spaces, bidi marks, control characters, an escape sequence, white space,
// or nothing at all) became an option valued "choice" with no label, and
// the converter said "everything was carried over": the analyst's
// interview offered a blank option, which answer files could only give as
// "choice". Such a library is refused now, naming the file, line and field
// of each such choice, and nothing is converted: the analyst can see the
// library's mistake and edit it, where a label made up by assay would hide
// it. Lines and columns are counted by hand in cisoLib, whose first
// choice's value is on line 29 at column 20 (after "            value: "),
// and in cisoOldLib, whose choices are listed on lines 19 and 20 at
// column 11 (after "        - ").
func TestConvertRefusesAChoiceWithNoVisibleText(t *testing.T) {
	const newPath = "objects.framework.requirement_nodes[1].questions.urn:intuitem:risk:req_node:broken:a.1:question:1.choices"
	const oldPath = "objects.framework.requirement_nodes[0].question.question_choices"
	const said = "shows as nothing: assay would offer an option no one can read (give the choice a text, or remove it)"
	secondChoice := func(value string) string {
		return strings.Replace(cisoLib, "            add_score: 1\n", "            add_score: 1\n"+
			"          - urn: urn:intuitem:risk:req_node:broken:a.1:question:1:choice:2\n            value: "+value+"\n            add_score: 0\n", 1)
	}
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"zero-width, bidi, white space and a bell", secondChoice(`"\u200B\u200F \t\u0007"`),
			[]string{`lib.yaml:32:20: ` + newPath + `[1].value: the choice's value "\u200b\u200f \t\a" ` + said}},
		{"an escape sequence", secondChoice(`"\u001b[8m"`),
			[]string{`lib.yaml:32:20: ` + newPath + `[1].value: the choice's value "\x1b[8m" ` + said}},
		{"no-break and ideographic spaces", secondChoice(`"\u00A0\u3000"`),
			[]string{`lib.yaml:32:20: ` + newPath + `[1].value: the choice's value "\u00a0\u3000" ` + said}},
		{"an empty text", secondChoice(`''`),
			[]string{`lib.yaml:32:20: ` + newPath + `[1].value: the choice's value "" ` + said}},
		{"the first of two", strings.Replace(secondChoice("'No'"), "value: 'Yes'", `value: "\u2060\uFEFF"`, 1),
			[]string{`lib.yaml:29:20: ` + newPath + `[0].value: the choice's value "\u2060\ufeff" ` + said}},
		{"the older shape, once for the questions that share it", strings.Replace(cisoOldLib, "- 'No'", `- "\u200D\u202E"`, 1),
			[]string{`lib.yaml:20:11: ` + oldPath + `[1]: the choice's value "\u200d\u202e" ` + said}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert("lib.yaml", []byte(c.src), "out.yaml", Options{})
			if err == nil || res != nil {
				t.Fatalf("converted, with notes %v:\n%s", res.Notes, res.YAML)
			}
			got := strings.Split(strings.TrimSpace(err.Error()), "\n")
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("refused with:\n%s\nwant:\n%s", err, strings.Join(c.want, "\n"))
			}
		})
	}
}

// The same libraries with a visible text in place of the invisible one
// convert, so that what is refused above is the invisible text and not
// the shape of the test's library; a visible text among invisible
// characters keeps its visible part as the label.
func TestConvertTakesAChoiceWithVisibleText(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"new shape", strings.Replace(cisoLib, "            add_score: 1\n", "            add_score: 1\n"+
			"          - urn: urn:intuitem:risk:req_node:broken:a.1:question:1:choice:2\n            value: \"\\u200BNo\\u200F \"\n            add_score: 0\n", 1),
			`- {value: "no", label: "No", points: 0}`},
		{"older shape", cisoOldLib, `- {value: "no", label: "No"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert("lib.yaml", []byte(c.src), "out.yaml", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(res.YAML), c.want) {
				t.Errorf("no %s in:\n%s", c.want, res.YAML)
			}
		})
	}
}

// A question whose text shows as nothing is asked with its requirement's
// name, which the library gives: converted without a word, the analyst
// could not tell the library's question from assay's stand-in. The
// question now says so.
func TestConvertSaysAnInvisibleQuestionTakesItsRequirementsName(t *testing.T) {
	src := strings.Replace(cisoLib, "text: Invented?", `text: "\u200B\u200F\t"`, 1)
	res, err := Convert("lib.yaml", []byte(src), "out.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.YAML), `text: "A.1 Requirement"`) {
		t.Errorf("the question is not asked with its requirement's name:\n%s", res.YAML)
	}
	want := `the question's text "\u200b\u200f\t" shows as nothing: asked with its requirement's name, "A.1 Requirement"`
	if got := notesOf(res, "a.1-q1"); !slices.Contains(got, want) {
		t.Errorf("notes %q, want %q among them", got, want)
	}
}
