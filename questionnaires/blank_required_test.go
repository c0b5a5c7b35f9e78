package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// smallestQuestionnaire is the least a questionnaire file holds, for tests
// that change one field of it.
const smallestQuestionnaire = `id: t
version: "1"
title: T
kind: privacy
sections:
  - id: s
    title: S
    questions:
      - id: q
        type: control
        text: Q
`

// A required text given as blank is missing: before, version: "" loaded
// (every list and report then named the questionnaire "cloud-basics "), as
// did a blank title, section title and question text, which showed the
// analyst a question with nothing to read.
func TestBlankRequiredTextIsMissing(t *testing.T) {
	for _, c := range []struct {
		old, new string
		line     int
		field    string
	}{
		{`version: "1"`, `version: ""`, 2, "version"},
		{"title: T", `title: "  "`, 3, "title"},
		{"    title: S", `    title: ""`, 7, "sections[s].title"},
		{"        text: Q", `        text: " "`, 11, "sections[s].questions[q].text"},
	} {
		t.Run(c.field, func(t *testing.T) {
			src := strings.Replace(smallestQuestionnaire, c.old, c.new, 1)
			_, problems := questionnaires.Parse("blank.yaml", []byte(src), questionnaires.Catalog())
			if len(problems) != 1 || problems[0].Line != c.line || problems[0].Field != c.field || !strings.Contains(problems[0].Message, "is required") {
				t.Errorf("problems:\n%v\nwant one at line %d, %s, saying it is required", problems, c.line, c.field)
			}
			if _, err := questionnaires.Decode("snapshot", []byte(src)); err != nil {
				t.Errorf("a stored snapshot with it no longer decodes: %v", err)
			}
		})
	}
}
