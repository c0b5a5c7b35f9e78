package main

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// cobraWords are phrases of cobra's own refusals ("accepts 1 arg(s),
// received 0", "requires at least 2 arg(s), only received 0", "required
// flag(s) "file" not set"): none may reach the user.
var cobraWords = []string{"arg(s)", "accepts", "received", "required flag", "requires at least", "not set"}

// Every command, given too few arguments, too many, or without a flag it
// needs, says what it needs in assay's words: the command, what is
// missing, a command line that would be taken, and exit status 1, with
// nothing created. cobra's wording came through for each before.
func TestEveryCommandSaysWhatItsArgumentsAreInAssaysWords(t *testing.T) {
	s := newCLISession(t)
	var walk func(c *cobra.Command)
	tried := 0
	walk = func(c *cobra.Command) {
		if c.HasSubCommands() {
			for _, sub := range c.Commands() {
				walk(sub)
			}
			return
		}
		name := commandName(c)
		path := strings.Fields(name)
		names := placeholders(c)
		for _, p := range names {
			if _, ok := wordFor(c, p); !ok {
				t.Errorf("%s: no words for its argument %s in argWords", name, p)
			}
		}
		var required []*pflag.Flag
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if isRequired(f) {
				required = append(required, f)
				if _, ok := wordFor(c, "flag:"+f.Name); ok {
					return
				}
				t.Errorf("%s: no words for its required flag --%s in argWords", name, f.Name)
			}
		})
		refused := func(why string, args []string, wantIn ...string) {
			t.Helper()
			tried++
			code, out, errOut := s.run("", args...)
			line := "assay " + strings.Join(args, " ")
			if code != 1 || out != "" || !strings.HasPrefix(errOut, "assay: "+name+" ") || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%s (%s): exit %d, stdout %q, stderr %q; want exit 1 and one line beginning %q", line, why, code, out, errOut, "assay: "+name+" ")
			}
			for _, w := range cobraWords {
				if strings.Contains(errOut, w) {
					t.Errorf("%s (%s): cobra's words %q reach the user: %q", line, why, w, errOut)
				}
			}
			for _, w := range wantIn {
				if !strings.Contains(errOut, w) {
					t.Errorf("%s (%s): %q does not say %q", line, why, errOut, w)
				}
			}
		}
		needsOne := len(names) > 0 && !strings.HasPrefix(names[0], "[")
		if needsOne {
			w, _ := wordFor(c, names[0])
			refused("no argument", path, "needs "+w.what, "assay "+name+" "+w.example)
		}
		// All but the last, where the last is needed (not diff's): the one
		// missing is named.
		if n := len(names); n > 1 && !strings.HasSuffix(names[n-1], "...") && c.Args(c, make([]string, n-1)) != nil {
			given := append(path[:len(path):len(path)], strings.Fields(strings.Repeat("3 ", n-1))...)
			w, _ := wordFor(c, names[n-1])
			refused("one argument short", given, "needs "+w.what)
		}
		many := append(path[:len(path):len(path)], "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9")
		switch {
		case name == "help": // a path of commands, however long: the first word that names none is said
			refused("no such command", many, `no command "x1" in assay`, "assay --help lists its commands")
		case len(names) == 0 || !strings.HasSuffix(names[len(names)-1], "..."):
			refused("too many arguments", many, "was given 9", `("x1", "x2"`)
		}
		if len(required) > 0 {
			args := path[:len(path):len(path)]
			if needsOne {
				args = append(args, "1")
			}
			var want []string
			for _, f := range required {
				w, _ := wordFor(c, "flag:"+f.Name)
				want = append(want, "--"+f.Name, w.example)
			}
			refused("no required flag", args, want...)
		}
	}
	// As the program runs it: with fang's man and cobra's help and
	// completion, which refused in cobra's words or not at all.
	root := (&app{getenv: os.Getenv}).rootCommand()
	adoptFang(root)
	argsForBuiltins(root)
	for _, name := range []string{"help", "completion", "man"} {
		if c, _, err := root.Find([]string{name}); err != nil || c == root {
			t.Errorf("assay %s is not among the commands walked", name)
		}
	}
	walk(root)
	if tried < 40 {
		t.Errorf("only %d refusals tried: the walk missed commands", tried)
	}
	if got := s.listed(); got != "" {
		t.Errorf("a refused command created the database:\n%s", got)
	}
}

// The words worked out by hand for the commands a person runs most, and
// the mistakes most made: the name with spaces not in quotes, the answers
// file given without --file, assay new without -q and -s.
func TestArgumentMistakesAreSaidWithTheWayOut(t *testing.T) {
	s := newCLISession(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "assay: report needs the assessment's ID: assay report 3 (assay list shows the assessments)\n"},
		{[]string{"report", "1", "2"}, `assay: report takes one argument (the assessment's ID) and was given 2 ("1", "2"): assay report 3` + "\n"},
		{[]string{"answer", "1", "answers.yaml"}, `assay: answer takes one argument (the assessment's ID) and was given 2 ("1", "answers.yaml"): assay answer 3 --file answers.yaml` + "\n"},
		{[]string{"answer", "4"}, "assay: answer needs the answers file (--file, -f): assay answer 4 --file answers.yaml\n"},
		{[]string{"new"}, `assay: new needs the questionnaire (--questionnaire, -q) and what it assesses (--subject, -s): assay new -q vendor-security-screen -s "Acme Cloud" (assay questionnaires lists the questionnaires)` + "\n"},
		{[]string{"new", "dpia", "Acme"}, `assay: new takes no argument and was given 2 ("dpia", "Acme"): assay new -q vendor-security-screen -s "Acme Cloud"` + "\n"},
		{[]string{"subject", "add", "Acme", "Cloud"}, `assay: subject add takes one argument (the new subject's name, in quotes if it has spaces) and was given 2 ("Acme", "Cloud"): assay subject add "Acme Cloud"` + "\n"},
		{[]string{"diff", "3", "7", "9"}, `assay: diff takes one or two arguments and was given 3 ("3", "7", "9"): assay diff 3 7` + "\n"},
		{[]string{"backup", "a.db", "b.db"}, `assay: backup takes at most one argument and was given 2 ("a.db", "b.db"): assay backup ~/backups/portfolio.db` + "\n"},
		{[]string{"team", "grant", "ana"}, "assay: team grant needs one role or more (analyst, approver): assay team grant ana analyst\n"},
		{[]string{"list", "1"}, `assay: list takes no argument and was given 1 ("1"): assay list` + "\n"},
		// The commands assay does not write itself: cobra's, fang's.
		{[]string{"completion"}, "assay: completion needs the shell: assay completion bash (one of bash, fish, powershell or zsh)\n"},
		{[]string{"completion", "fish", "extra"}, `assay: completion fish takes no argument and was given 1 ("extra"): assay completion fish` + "\n"},
		{[]string{"help", "nosuch"}, `assay: help finds no command "nosuch" in assay; assay --help lists its commands` + "\n"},
		{[]string{"help", "subject", "ad"}, `assay: help finds no command "ad" in assay subject (did you mean "add"?); assay subject --help lists its commands` + "\n"},
		{[]string{"help", "list", "extra"}, `assay: help takes a command's name, and assay list has no command "extra": assay help list` + "\n"},
		{[]string{"man", "extra"}, `assay: man takes no argument and was given 1 ("extra"): assay man` + "\n"},
		// A value that would misread on the line is not shown back.
		{[]string{"explain", "4 or 5"}, `assay: explain needs the consistency check's ID and the explanation, in quotes: assay explain 3 groups-tested-yet-none-compared "The report tests groups one by one" (assay score lists them under "Answers that disagree")` + "\n"},
	} {
		code, out, errOut := s.run("", c.args...)
		if code != 1 || errOut != c.want || out != "" {
			t.Errorf("assay %s: exit %d, stdout %q, stderr\n%q\nwant exit 1 and\n%q", strings.Join(c.args, " "), code, out, errOut, c.want)
		}
	}
}
