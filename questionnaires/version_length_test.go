package questionnaires

import (
	"strings"
	"testing"
)

// A questionnaire's version had no length limit: one of 10,000
// characters loaded, and assay list, the report's heading and every
// assessment's header showed it whole. A version is now at most
// MaxVersionLength characters, refused at its line as an ID past its
// limit is; an extension's own version too. The combined version of an
// extension (its version, the base's ID and version) is assay's own
// writing and longer by design: it loads.
func TestVersionPastTheLimitIsRefused(t *testing.T) {
	longest := strings.Repeat("9", MaxVersionLength)
	questionnaire := "id: t\nversion: \"VERSION\"\ntitle: T\nkind: privacy\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: q, type: text, text: Q}\n"
	for _, c := range []struct{ name, version, want string }{
		{"65 characters", longest + "9", "t.yaml:2:10: version: version is 65 characters long; a version is at most 64"},
		{"10,000 characters", strings.Repeat("9", 10_000), "t.yaml:2:10: version: version is 10000 characters long; a version is at most 64"},
	} {
		q, problems := Parse("t.yaml", []byte(strings.Replace(questionnaire, "VERSION", c.version, 1)), Catalog())
		if q != nil || len(problems) != 1 || !strings.Contains(problems.Error(), c.want) {
			t.Errorf("%s: got %v, want one problem: %s", c.name, problems, c.want)
		}
	}
	if q, problems := Parse("t.yaml", []byte(strings.Replace(questionnaire, "VERSION", longest, 1)), Catalog()); q == nil {
		t.Errorf("a version of %d characters: %v", MaxVersionLength, problems)
	}

	_, base := vendorScreen(t)
	ext := strings.Replace(acmeExtension, `version: "1.0.0"`, `version: "`+longest+`9"`, 1)
	if q, problems, _ := Extend(base, "acme.yaml", []byte(ext), Catalog()); q != nil || len(problems) != 1 ||
		!strings.Contains(problems.Error(), "acme.yaml:4:10: version: version is 65 characters long; a version is at most 64") {
		t.Errorf("an extension's version of 65 characters: %v", problems)
	}
	ext = strings.Replace(acmeExtension, `version: "1.0.0"`, `version: "`+longest+`"`, 1)
	if q, problems, _ := Extend(base, "acme.yaml", []byte(ext), Catalog()); q == nil || len(q.Version) <= MaxVersionLength {
		t.Errorf("an extension's version of %d characters, combined: %v", MaxVersionLength, problems)
	}
}
