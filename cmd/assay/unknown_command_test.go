package main

import (
	"strings"
	"testing"
)

// A newcomer's typo in a command, or in a questionnaire's ID, is refused
// with the name meant, as a typo in an answers file's question is: cobra's
// own refusal named no command, `assay subject lsit` printed the help and
// exited 0 as if it had listed something, and `assay new -q` with a
// misspelt ID only pointed at assay questionnaires.
func TestATypoIsRefusedWithTheNameMeant(t *testing.T) {
	s := newCLISession(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lsit"}, `unknown command "lsit" for "assay" (did you mean "list"?)`},
		{[]string{"questionaires"}, `(did you mean "questionnaires"?)`},
		{[]string{"subject", "lsit"}, `unknown command "lsit" for "assay subject" (did you mean "list"?)`},
		{[]string{"key", "trsut"}, `unknown command "trsut" for "assay key" (did you mean "trust"?)`},
		{[]string{"team", "inti"}, `unknown command "inti" for "assay team" (did you mean "init"?)`},
		{[]string{"frobnicate"}, `unknown command "frobnicate" for "assay"; assay --help lists its commands`},
		{[]string{"new", "-q", "vendor-securty-screen", "-s", "Acme"},
			`no questionnaire "vendor-securty-screen" (did you mean "vendor-security-screen"?`},
		{[]string{"new", "-q", "DPIA", "-s", "Acme"}, `no questionnaire "DPIA" (did you mean "dpia"?`},
	} {
		code, out, errOut := s.run("", c.args...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("assay %s: exit %d, stderr %q, stdout %q; want exit 1 and %q",
				strings.Join(c.args, " "), code, errOut, out, c.want)
		}
	}
	if got := s.listed(); got != "" {
		t.Errorf("a refused typo created the database:\n%s", got)
	}
}
