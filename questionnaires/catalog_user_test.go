package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A user's control catalog took a blank control ID (left out without a
// word) or name (shown as nothing wherever the control is mapped), an ID
// listed twice in another case, and escape sequences, control characters
// or bidi controls in an ID, a name, a group or the title, which the
// workspace and reports then showed. Each is refused at its line and field, and the catalog is left
// out.
func TestUserCatalogRefusesBlankAndUnsafeText(t *testing.T) {
	const base = "catalog: mine\ntitle: My controls\ncontrols:\n  - {id: ac-1, name: Policy, group: Access}\n  - CTL\n"
	for _, tc := range []struct{ ctl, field, want string }{
		{`{id: "", name: Blank id}`, "id", "blank"},
		{`{id: "   ", name: Blank id}`, "id", "blank"},
		{`{id: ac-2}`, "name", "name"},
		{`{id: ac-2, name: "  "}`, "name", "blank"},
		{`{id: AC-1, name: Again}`, "id", "listed twice"},
		{`{id: " ac-1 ", name: Again}`, "id", "listed twice"},
		{`{id: "ac-2\e[31m", name: Red}`, "id", "escape"},
		{`{id: ac-2, name: "Po\u202elicy"}`, "name", "character 3"},
		{`{id: ac-2, name: "Bell\a"}`, "name", "character 5"},
		{`{id: ac-2, name: Policy, group: "\e]8;;http://x\a"}`, "group", "escape"},
	} {
		src := strings.Replace(base, "CTL", tc.ctl, 1)
		c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src))
		if c != nil || len(problems) != 1 || !strings.HasPrefix(problems[0].Field, "controls[") || !strings.HasSuffix(problems[0].Field, "]."+tc.field) || problems[0].Line != 5 || !strings.Contains(problems[0].Message, tc.want) {
			t.Errorf("%s: got catalog %v, problems %v; want one at line 5, controls[…].%s, saying %q", tc.ctl, c != nil, problems, tc.field, tc.want)
		}
	}
	for _, tc := range []struct{ title, want string }{
		{`"  "`, "blank"},
		{`"My \e[2J controls"`, "escape"},
	} {
		src := strings.Replace(strings.Replace(base, "My controls", tc.title, 1), "CTL", "{id: ac-2, name: Other}", 1)
		c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src))
		if c != nil || len(problems) != 1 || problems[0].Field != "title" || problems[0].Line != 2 || !strings.Contains(problems[0].Message, tc.want) {
			t.Errorf("title %s: got catalog %v, problems %v", tc.title, c != nil, problems)
		}
	}
	src := strings.Replace(base, "CTL", "{id: ac-2, name: Other}", 1)
	if c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src)); c == nil || len(problems) > 0 || len(c.Controls) != 2 {
		t.Errorf("a good catalog: %v", problems)
	}
}
