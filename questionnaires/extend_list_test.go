package questionnaires

import (
	"strings"
	"testing"
)

// An extension's add, or an addition's questions or sections, written as
// a mapping was two or three problems for one mistake: "expected a list,
// found a mapping" and "an extension needs at least one addition"; for
// questions, "the additions must be a block list", "expected a list" and
// "nothing to add". Each is now one problem at its line, saying what list
// is expected.
func TestExtensionMappingWhereAListBelongsIsOneProblem(t *testing.T) {
	_, base := vendorScreen(t)
	const head = "extends: vendor-security-screen\nbase_version: \"2.16.0\"\nid: acme\nversion: \"1.0.0\"\n"
	for _, c := range []struct{ name, src, want string }{
		{"add as a mapping", head + "add:\n  after: mfa\n",
			"acme.yaml:6:3: add: expected a list of additions, found a mapping"},
		{"questions as a mapping", head + "add:\n  - after: mfa\n    questions:\n      acme-sso: 1\n",
			"acme.yaml:8:7: add[0].questions: expected a list of questions, found a mapping"},
		{"questions as text", head + "add:\n  - after: mfa\n    questions: acme-sso\n",
			"acme.yaml:7:16: add[0].questions: expected a list of questions, found text"},
		{"sections as a mapping", head + "add:\n  - after_section: data\n    sections:\n      acme-legal: 1\n",
			"acme.yaml:8:7: add[0].sections: expected a list of sections, found a mapping"},
	} {
		t.Run(c.name, func(t *testing.T) {
			q, problems, _ := Extend(base, "acme.yaml", []byte(c.src), Catalog())
			if q != nil || len(problems) != 1 || !strings.Contains(problems.Error(), c.want) {
				t.Errorf("got\n%v\nwant one problem: %s", problems, c.want)
			}
		})
	}
}
