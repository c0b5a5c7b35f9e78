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
