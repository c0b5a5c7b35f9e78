package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A file that starts with a UTF-8 byte order mark, as Windows editors
// save it, was refused with `unknown field "\ufeffid"` and "id is
// required" on line 1, of an id the author could see: assay's own file
// reading drops the mark, but Parse, given the bytes, did not. It now
// loads as the same file without the mark does, and a problem on its
// first line is at the column the author sees.
func TestByteOrderMarkIsNotPartOfTheFile(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte("\ufeff"+smallestQuestionnaire), questionnaires.Catalog())
	if len(problems) > 0 || q.ID != "t" {
		t.Fatalf("with a byte order mark: %v", problems)
	}
	_, problems = questionnaires.Parse("t.yaml", []byte("\ufeff"+strings.Replace(smallestQuestionnaire, "id: t\n", "id: 1t\n", 1)), questionnaires.Catalog())
	if len(problems) != 1 || problems[0].Line != 1 || problems[0].Column != 5 || problems[0].Field != "id" {
		t.Fatalf("problems: %v\nwant one, at 1:5, field id", problems)
	}
}

// The field path of a problem names a list entry by its id only when the
// id can be read there: an id holding an escape sequence (refused, with
// the character named) put the escape into the path, raw, and an unknown
// field's name went into the path whatever it held, 5,000 characters or
// an escape that clears the screen. Such an entry is named by its
// position, and such a field by the mapping it is in, its name quoted
// and cut short in the message.
func TestUnreadableNamesStayOutOfFieldPaths(t *testing.T) {
	for _, c := range []struct {
		name, old, new, field, says string
	}{
		{"an id with an escape", "      - id: q\n", "      - id: \"q\\e[2J\"\n", "sections[s].questions[0].id", `"q\x1b[2J" is not a valid id`},
		{"an id with a zero-width space", "      - id: q\n", "      - id: \"q\u200b\"\n", "sections[s].questions[0].id", "U+200B"},
		{"an unknown field with an escape", "        text: Q\n", "        text: Q\n        \"x\\e[2J\": 1\n", "sections[s].questions[q]", `unknown field "x\x1b[2J"`},
		{"an unknown field of 5,000 characters", "        text: Q\n", "        text: Q\n        " + strings.Repeat("k", 5000) + ": 1\n", "sections[s].questions[q]",
			`unknown field "` + strings.Repeat("k", 20) + `"…`},
	} {
		src := strings.Replace(smallestQuestionnaire, c.old, c.new, 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		if len(problems) != 1 || problems[0].Field != c.field || !strings.Contains(problems[0].Message, c.says) || len(problems[0].Message) > 200 {
			t.Errorf("%s: %.300v\nwant one problem at %s saying %s", c.name, problems, c.field, c.says)
		}
	}
}

// An alias names the anchor written before it in the file, wherever the
// loader reads the anchor: an anchor on a level's title, above the
// sections, was unknown to an alias in a question's text, because the
// loader reads levels after sections; the valid file was refused with
// "unknown alias *u" twice, and "text is required".
func TestAliasOfAnAnchorReadLater(t *testing.T) {
	src := `id: t
version: "1"
title: T
kind: privacy
dimensions: [{id: risk, higher: worse}]
levels: [{id: l, title: &shared Overall risk, dimension: risk, bands: [{level: low}]}]
sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: *shared}
`
	q, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatalf("refused:\n%v", problems)
	}
	if got := q.Questions[0].Text; got != "Overall risk" {
		t.Errorf("text %q, want the anchored Overall risk", got)
	}
}

// One mistake, one problem: a condition written as a list was "expected
// text, found a list", and then, read as empty, a condition that ends
// before it starts.
func TestConditionOfTheWrongShapeIsOneProblem(t *testing.T) {
	src := strings.Replace(smallestQuestionnaire, "        text: Q\n", "        text: Q\n        when: [a]\n", 1)
	_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "expected text, found a list") {
		t.Errorf("problems:\n%v\nwant one: expected text, found a list", problems)
	}
}

// A key given twice in one mapping is refused by the YAML parser, which
// said where the first one was as "[16:9]"; it now says the line.
func TestDuplicateKeySaysWhereTheFirstIs(t *testing.T) {
	src := strings.Replace(smallestQuestionnaire, "        text: Q\n", "        text: Q\n        text: Q2\n", 1)
	_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) != 1 || problems[0].Line != 12 || !strings.Contains(problems[0].Message, `"text" is given twice; the first is at line 11`) {
		t.Errorf("problems:\n%v\nwant one, at line 12: text given twice, the first at line 11", problems)
	}
}

// The other shapes a hostile or careless author tries, each refused at
// its line and field with one problem that says what is wrong (these
// held before this round; the table keeps them held): a question whose
// conditions read itself (so no cycle of conditions can be written), a
// replaces cycle or an ID replaced twice, an option value given twice, a
// misspelt field, and the shapes that would stall the parser.
func TestHostileShapesAreRefusedAtTheirLine(t *testing.T) {
	laughs := "a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n"
	for i := 1; i < 9; i++ {
		laughs += fmt.Sprintf("a%d: &a%d [*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d,*a%[3]d]\n", i, i, i-1)
	}
	add := func(fields string) string {
		return strings.Replace(smallestQuestionnaire, "        text: Q\n", "        text: Q\n"+fields, 1)
	}
	const q = "sections[s].questions[q]"
	for _, c := range []struct {
		name, yaml string
		line       int
		field      string
		says       string
	}{
		{"when reads the question itself", add("        when: q == 'yes'\n"), 12, q + ".when", "q is not asked before this point"},
		{"required_when reads itself", add("        required_when: q == 'no'\n"), 12, q + ".required_when", "q is not asked before this point"},
		{"severity_when reads itself", add("        action: A\n        severity: high\n        severity_when: {when: q == 'no', severity: low, reason: R}\n"),
			14, q + ".severity_when.when", "q is not asked before this point"},
		{"replaces itself", add("        replaces: [q]\n"), 12, q + ".replaces[0]", "question q cannot replace itself"},
		// So no cycle can be written either: in q replaces r, r replaces q,
		// each entry is refused so.
		{"replaces a question still asked", add("        replaces: [r]\n      - {id: r, type: control, text: R}\n"),
			12, q + ".replaces[0]", "question r is still asked, so it cannot be replaced"},
		{"an ID replaced twice", add("        replaces: [old]\n      - {id: r, type: control, text: R, replaces: [old]}\n"),
			13, "sections[s].questions[r].replaces[0]", `"old" is replaced twice`},
		{"an option value twice", strings.Replace(smallestQuestionnaire, "        type: control\n", "        type: single\n        dimension: none\n        options: [a, b, a]\n", 1),
			12, q + ".options[2]", `duplicate option value "a"`},
		{"a misspelt field", add("        severty_when: x\n"), 12, q + ".severty_when", `unknown field "severty_when" (did you mean "severity_when"?)`},
		{"a tab in the indentation", add("\t  help: x\n"), 12, "", "a tab where YAML allows none"},
		{"nesting 100 deep", add("        help: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"), 12, "", "nests lists and mappings more than 64 deep"},
		{"a billion laughs", smallestQuestionnaire + laughs, 1, "", "aliases expand to more than 500000 values"},
	} {
		_, problems := questionnaires.Parse("t.yaml", []byte(c.yaml), questionnaires.Catalog())
		if len(problems) != 1 || problems[0].Line != c.line || problems[0].Field != c.field || !strings.Contains(problems[0].String(), c.says) {
			t.Errorf("%s: %.400v\nwant one problem at line %d, %s, saying %s", c.name, problems, c.line, c.field, c.says)
		}
	}
}

// A file saved with Windows line ends loads as the same questionnaire,
// its multi-line texts without carriage returns.
func TestWindowsLineEndsLoadTheSame(t *testing.T) {
	src := strings.Replace(smallestQuestionnaire, "    title: S\n", "    title: S\n    help: |\n      one\n      two\n", 1)
	unix, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	windows, problems := questionnaires.Parse("t.yaml", []byte(strings.ReplaceAll(src, "\n", "\r\n")), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if windows.Sections[0].Help != "one\ntwo" || windows.Sections[0].Help != unix.Sections[0].Help || windows.Questions[0].Text != unix.Questions[0].Text {
		t.Errorf("help %q and %q, want both %q", windows.Sections[0].Help, unix.Sections[0].Help, "one\ntwo")
	}
}
