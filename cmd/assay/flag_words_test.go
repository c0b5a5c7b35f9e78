package main

import (
	"strings"
	"testing"
)

// A flag a command does not have, or one given without its value, was
// refused in pflag's words: "unknown shorthand flag: '1' in -1", "flag
// needs an argument: 'o' in -o". Each is now said in assay's, naming the
// command and where its flags are listed, with exit status 1.
func TestAFlagMistakeIsSaidInAssaysWords(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"plan", "1", "--json"}, "assay: plan has no flag --json (assay plan --help lists its flags)\n"},
		{[]string{"score", "-1"}, "assay: score has no flag -1 (assay score --help lists its flags)\n"},
		{[]string{"subject", "show", "Acme Cloud Ltd", "-x"}, "assay: subject show has no flag -x (assay subject show --help lists its flags)\n"},
		{[]string{"report", "1", "-o"}, "assay: -o (--output) needs a value; usage: assay report ID [flags]\n"},
		{[]string{"answer", "1", "--file"}, "assay: --file (-f) needs a value; usage: assay answer ID --file FILE [flags]\n"},
	} {
		r := runProc(bin, env, c.args...)
		if r.code != 1 || r.errs != c.want || r.stdout != "" {
			t.Errorf("assay %s: exit %d, stdout %q, stderr %q; want exit 1 and %q", strings.Join(c.args, " "), r.code, r.stdout, r.errs, c.want)
		}
	}
}
