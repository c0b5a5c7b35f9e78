package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A line indented with a tab, as an editor set to tabs writes it, was
// refused with "found character ' ' that cannot start any token" once the
// output had made the tab a space: the author saw a space named as the
// fault in a line indented, as far as they could see, with spaces.
func TestTabIndentIsNamed(t *testing.T) {
	src := strings.Replace(smallestQuestionnaire, "      - id: q\n", "\t- id: q\n", 1)
	_, problems := questionnaires.Parse("tabs.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) != 1 || problems[0].Line != 9 || !strings.Contains(problems[0].Message, "tab") || !strings.Contains(problems[0].Message, "spaces") {
		t.Errorf("problems:\n%v\nwant one at line 9 naming the tab and saying to indent with spaces", problems)
	}
}
