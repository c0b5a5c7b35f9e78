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

// A catalog's control IDs had no length limit, where a questionnaire's
// IDs are at most questionnaires.MaxIDLength characters: a control ID of
// 10,000 characters loaded and then broke every table that maps to it
// (the report's control tables, docs/mappings.md, assay list). It, and a
// catalog ID past the limit, is now refused at its line and field, as a
// questionnaire's ID is; the field names the control by its position,
// not by its 10,000 characters.
func TestUserCatalogRefusesAnIDPastTheLimit(t *testing.T) {
	longest := strings.Repeat("c", questionnaires.MaxIDLength)
	src := func(catalog, id string) string {
		return "catalog: " + catalog + "\ntitle: My controls\ncontrols:\n  - {id: ac-1, name: Policy}\n  - {id: " + id + ", name: Long}\n"
	}
	for _, tc := range []struct{ name, catalog, id, field, says string }{
		{"a control ID of 65 characters", "mine", longest + "c", "controls[1].id", "is 65 characters long; an ID is at most 64"},
		{"a control ID of 10,000 characters", "mine", strings.Repeat("x", 10_000), "controls[1].id", "is 10000 characters long; an ID is at most 64"},
		{"a catalog ID of 65 characters", longest + "m", "ac-2", "catalog", "is 65 characters long; an ID is at most 64"},
	} {
		c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src(tc.catalog, tc.id)))
		line := 5
		if tc.field == "catalog" {
			line = 1
		}
		if c != nil || len(problems) != 1 || problems[0].Field != tc.field || problems[0].Line != line || !strings.Contains(problems[0].Message, tc.says) {
			t.Errorf("%s: got catalog %v, problems %v; want one at line %d, %s, saying %q", tc.name, c != nil, problems, line, tc.field, tc.says)
		}
	}
	if c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src(longest, longest))); c == nil || len(problems) > 0 {
		t.Errorf("IDs of %d characters: %v", questionnaires.MaxIDLength, problems)
	}
}
