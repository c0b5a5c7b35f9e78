package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A version, a questionnaire's title and a section's title are meant to
// be one line of plain text: a version written "1.0\n2" or with an escape
// sequence loaded without a word, and every list, report and OSCAL file
// mends it on the way out. Lint warns at the field; the file still loads,
// as a stored snapshot does.
func TestVersionAndTitlesAreOneLineOfText(t *testing.T) {
	for _, c := range []struct {
		old, new string
		line     int
		field    string
		says     string
	}{
		{`version: "1"`, `version: "1.0\n2"`, 2, "version", "line break"},
		{`version: "1"`, `version: "1.0\e[31m"`, 2, "version", "escape sequence"},
		{"title: T", `title: "T\u202eevil"`, 3, "title", "bidi control"},
		{"    title: S", "    title: |\n      Two\n      lines", 7, "sections[s].title", "line break"},
	} {
		t.Run(c.field+" "+c.says, func(t *testing.T) {
			src := strings.Replace(smallestQuestionnaire, c.old, c.new, 1)
			_, problems, warnings := questionnaires.Lint("odd.yaml", []byte(src), questionnaires.Catalog())
			if len(problems) > 0 {
				t.Errorf("refused: %v", problems)
			}
			if len(warnings) != 1 || warnings[0].Line != c.line || warnings[0].Field != c.field || !strings.Contains(warnings[0].Message, c.says) {
				t.Errorf("warnings:\n%v\nwant one at line %d, %s, saying %q", warnings, c.line, c.field, c.says)
			}
			if _, err := questionnaires.Decode("snapshot", []byte(src)); err != nil {
				t.Errorf("a stored snapshot with it no longer decodes: %v", err)
			}
		})
	}
}
