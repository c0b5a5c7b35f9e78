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
		{[]string{"lsit"}, `unknown command "lsit" for "assay" (did you mean "lint" or "list"?)`},
		{[]string{"questionaires"}, `(did you mean "questionnaires"?)`},
		{[]string{"subject", "lsit"}, `unknown command "lsit" for "assay subject" (did you mean "edit" or "list"?)`},
		{[]string{"key", "trsut"}, `unknown command "trsut" for "assay key" (did you mean "trust"?)`},
		{[]string{"team", "inti"}, `unknown command "inti" for "assay team" (did you mean "init"?)`},
		{[]string{"frobnicate"}, `unknown command "frobnicate" for "assay"; assay --help lists its commands`},
		{[]string{"1", "score"}, `unknown command "1" for "assay" (the command comes first: assay score 1)`},
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

// Arguments in the wrong place are refused with a command line that would
// be taken: cobra alone said "accepts 1 arg(s), received 2" without the
// command, and took the questionnaire given without -q for a subcommand of
// assay new.
func TestMisplacedArgumentsAreRefusedWithTheUsage(t *testing.T) {
	s := newCLISession(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "dpia", "Acme"}, `assay: new takes no argument and was given 2 ("dpia", "Acme"): assay new -q vendor-security-screen -s "Acme Cloud"`},
		{[]string{"answer", "1", "answers.yaml"}, `assay: answer takes one argument (the assessment's ID) and was given 2 ("1", "answers.yaml"): assay answer 3 --file answers.yaml`},
		{[]string{"score"}, `assay: score needs the assessment's ID: assay score 3 (assay list shows the assessments)`},
		{[]string{"list", "1"}, `assay: list takes no argument and was given 1 ("1"): assay list`},
	} {
		code, out, errOut := s.run("", c.args...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("assay %s: exit %d, stderr %q, stdout %q; want exit 1 and %q",
				strings.Join(c.args, " "), code, errOut, out, c.want)
		}
	}
	if got := s.listed(); got != "" {
		t.Errorf("a refused command created the database:\n%s", got)
	}
}
