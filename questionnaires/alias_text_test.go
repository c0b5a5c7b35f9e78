package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
)

// Aliases were bounded by how many there are (10,000) and how many values
// they expand to, not by how much text they repeat: a file of 150 KB
// anchoring a help text of 19,000 characters (within the limit on any
// text) and giving it, by alias, as the text and help of 2,400 questions
// loaded as some 90 MB of questions, and its report took 30 seconds and
// half a gigabyte to write 49 MB of Markdown. No file can hold that much
// text without aliases (a file is at most input.MaxFileSize): a file whose
// aliases would repeat its text past that is refused at its first line,
// as a billion laughs is. Aliases repeating a modest text load.
func TestAliasesCannotRepeatTextPastTheSizeOfAFile(t *testing.T) {
	help := strings.Repeat("x ", 9_500)
	questionnaire := func(questions int) string {
		var b strings.Builder
		b.WriteString("id: t\nversion: \"1\"\ntitle: T\nkind: security\nsections:\n  - id: s\n    title: S\n    help: &h \"" + help + "\"\n    questions:\n")
		for i := range questions {
			fmt.Fprintf(&b, "      - {id: q%d, type: control, text: Q%d?, help: *h}\n", i, i)
		}
		return b.String()
	}
	over := input.MaxFileSize/len(help) + 1
	q, problems := questionnaires.Parse("t.yaml", []byte(questionnaire(over)), questionnaires.Catalog())
	want := fmt.Sprintf("t.yaml:1:1: the file's aliases repeat its text to more than %d bytes, more than a file may hold", input.MaxFileSize)
	if q != nil || len(problems) != 1 || !strings.Contains(problems[0].String(), want) {
		t.Errorf("%d aliases of %d bytes: %.300v\nwant one problem: %s", over, len(help), problems, want)
	}
	if q, problems := questionnaires.Parse("t.yaml", []byte(questionnaire(100)), questionnaires.Catalog()); q == nil {
		t.Errorf("100 aliases of %d bytes: %.300v", len(help), problems)
	}
}
