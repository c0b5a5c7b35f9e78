package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A user catalog's control ID could hold letters of another script that
// look like Latin ones: A.5.1 written with a Cyrillic А (or a Greek Α, or
// a full-width Ａ) loaded, showed as ISO's A.5.1 in every table, and never
// matched the A.5.1 a questionnaire's author typed. Such an ID is refused
// at its line naming the character; an ID in another script that cannot
// be taken for ASCII (管理策-1, УБИ.001) still loads. A control's name and
// group, and the catalog's title and version, had no length limit: a name
// of a megabyte loaded and broke every table that shows it. They are held
// to limits that sit above every built-in catalog's longest (NIST CSF's
// longest name is 198 characters, its longest group 70).
func TestUserCatalogRefusesLookAlikeIDsAndTextPastTheLimits(t *testing.T) {
	const base = "catalog: mine\ntitle: My controls\nversion: \"1\"\ncontrols:\n  - {id: ac-1, name: Policy, group: Access}\n  - CTL\n"
	name := func(n int) string { return strings.Repeat("n", n) }
	for _, tc := range []struct{ name, ctl, field, want string }{
		{"a Cyrillic А", `{id: "А.5.1", name: Look-alike}`, "id", `holds 'А' (U+0410) at character 1, a Cyrillic letter that looks like the Latin A, as every letter of the ID does`},
		{"a Greek Α", `{id: "ΑC-1", name: Look-alike}`, "id", `holds 'Α' (U+0391) at character 1, a Greek letter among Latin ones`},
		{"a Cyrillic с inside", `{id: "cс-1", name: Look-alike}`, "id", `holds 'с' (U+0441) at character 2, a Cyrillic letter among Latin ones`},
		{"Cyrillic capitals that all look Latin", `{id: "ТС-1", name: Look-alike}`, "id", `holds 'Т' (U+0422) at character 1, a Cyrillic letter that looks like the Latin T`},
		{"a mathematical bold A", `{id: "𝐀.5.1", name: Look-alike}`, "id", `(U+1D400) at character 1, another form of the ASCII "A"`},
		{"the Kelvin sign", `{id: "\u212a-1", name: Look-alike}`, "id", `(U+212A) at character 1, another form of the ASCII "K"`},
		{"a full-width letter", `{id: "Ａ.5.1", name: Look-alike}`, "id", `(U+FF21) at character 1, another form of the ASCII "A"`},
		{"a name past the limit", `{id: ac-2, name: ` + name(questionnaires.MaxControlNameLength+1) + `}`, "name",
			fmt.Sprintf("name is %d characters long; a control's name is at most %d", questionnaires.MaxControlNameLength+1, questionnaires.MaxControlNameLength)},
		{"a name of a megabyte", `{id: ac-2, name: ` + name(1<<20) + `}`, "name", "name is 1048576 characters long"},
		{"a group past the limit", `{id: ac-2, name: N, group: ` + name(questionnaires.MaxControlGroupLength+1) + `}`, "group",
			fmt.Sprintf("group is %d characters long; a control's group is at most %d", questionnaires.MaxControlGroupLength+1, questionnaires.MaxControlGroupLength)},
	} {
		src := strings.Replace(base, "CTL", tc.ctl, 1)
		c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src))
		if c != nil || len(problems) != 1 || !strings.HasPrefix(problems[0].Field, "controls[") || !strings.HasSuffix(problems[0].Field, "]."+tc.field) || problems[0].Line != 6 || !strings.Contains(problems[0].Message, tc.want) {
			t.Errorf("%s: got catalog %v, problems %.400v; want one at line 6, controls[…].%s, saying %q", tc.name, c != nil, problems, tc.field, tc.want)
		}
		if len(problems) == 1 && len(problems[0].Message) > 300 {
			t.Errorf("%s: the message repeats the text: %d bytes", tc.name, len(problems[0].Message))
		}
	}
	for _, tc := range []struct{ name, old, new string }{
		{"a title past the limit", "title: My controls", "title: " + name(questionnaires.MaxCatalogTitleLength+1)},
		{"a version past the limit", `version: "1"`, "version: " + name(questionnaires.MaxVersionLength+1)},
	} {
		src := strings.Replace(strings.Replace(base, "CTL", "{id: ac-2, name: N}", 1), tc.old, tc.new, 1)
		field := strings.SplitN(tc.old, ":", 2)[0]
		if c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src)); c != nil || len(problems) != 1 || problems[0].Field != field || !strings.Contains(problems[0].Message, "characters long") {
			t.Errorf("%s: got catalog %v, problems %.400v", tc.name, c != nil, problems)
		}
	}
	for _, id := range []string{"管理策-1", "УБИ.001", "Αρχή-1", "A.5.1", "ac-2(1)"} {
		src := strings.Replace(base, "CTL", `{id: "`+id+`", name: N}`, 1)
		if c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src)); c == nil || len(problems) > 0 {
			t.Errorf("control ID %s: %v", id, problems)
		}
	}
	longest := strings.NewReplacer("My controls", name(questionnaires.MaxCatalogTitleLength), `"1"`, name(questionnaires.MaxVersionLength),
		"CTL", "{id: ac-2, name: "+name(questionnaires.MaxControlNameLength)+", group: "+name(questionnaires.MaxControlGroupLength)+"}").Replace(base)
	if c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(longest)); c == nil || len(problems) > 0 {
		t.Errorf("everything at its limit: %v", problems)
	}
}
