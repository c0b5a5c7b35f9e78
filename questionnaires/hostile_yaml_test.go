package questionnaires_test

import (
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
