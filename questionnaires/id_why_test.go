package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// An id that is refused says which character is wrong: "аdmins" with a
// Cyrillic а, pasted from a document, read `"аdmins" is not a valid id
// (start with a letter; ...)` and looked, to its author, like a valid id
// starting with a letter.
func TestInvalidIDSaysWhichCharacter(t *testing.T) {
	for id, says := range map[string]string{
		"аdmins":       `character 1, "а" (U+0430), is not an ASCII letter`,
		"adm\u200bins": `character 4, U+200B, is not`,
		"ad mins":      `character 3, " " (U+0020), is not`,
		"1admins":      `character 1, "1" (U+0031), is not an ASCII letter`,
		"and":          "is a condition keyword",
	} {
		src := strings.Replace(smallestQuestionnaire, "      - id: q\n", "      - id: \""+id+"\"\n", 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		if len(problems) != 1 || !strings.Contains(problems[0].Message, "is not a valid id") || !strings.Contains(problems[0].Message, says) {
			t.Errorf("id %q: %v\nwant it to say %s", id, problems, says)
		}
	}
}

// A condition naming the id as it was meant is not told to use the
// refused one: "did you mean "аdmins"?" pointed at the Cyrillic copy.
func TestNoSuggestionOfARefusedID(t *testing.T) {
	src := strings.Replace(smallestQuestionnaire, "      - id: q\n", "      - {id: \"аdmins\", type: single, text: A, dimension: none, options: [few, many]}\n      - id: q\n        when: admins == 'few'\n", 1)
	_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) != 2 || !strings.Contains(problems[1].Message, "unknown question admins") || strings.Contains(problems[1].String(), "did you mean") {
		t.Errorf("problems:\n%v\nwant the id refused, and the condition's unknown question without a suggestion", problems)
	}
}
