package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// helpFlagRow is a row of a help's FLAGS section: the flag's names, a gap
// of two spaces or more, and its description.
var helpFlagRow = regexp.MustCompile(`^\s+(?:-\w )?--[\w-]+\s{2,}(\S.*)$`)

// lowercaseFormats are words a description may begin with only in lowercase:
// fang capitalises a description's first letter, which made "md, html,
// pdf" read "Md, html, pdf".
var lowercaseFormats = map[string]bool{"md": true, "markdown": true, "html": true, "pdf": true, "docx": true, "csv": true, "json": true, "yaml": true}

// Every flag of every command reads right once fang has capitalised its
// description's first letter: none begins with a value of a list ("Md,
// html, pdf", "Favourable, favourable-with-reservations", "Open,
// in-progress"), a format's name, a file's name or a flag, each of which
// must be typed as written in lowercase.
func TestNoFlagDescriptionBeginsWithAWordFangMiscapitalises(t *testing.T) {
	s := newCLISession(t)
	var walk func(c *cobra.Command)
	helped := 0
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		args := append(strings.Fields(commandName(c)), "--help")
		if c == c.Root() {
			args = []string{"--help"}
		}
		code, out, errOut := s.run("", args...)
		if code != 0 {
			t.Errorf("assay %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
			return
		}
		helped++
		inFlags := false
		for _, l := range strings.Split(out, "\n") {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "    ") {
				inFlags = strings.TrimSpace(l) == "FLAGS"
				continue
			}
			m := helpFlagRow.FindStringSubmatch(l)
			if !inFlags || m == nil {
				continue
			}
			first := strings.Fields(m[1])[0]
			word := strings.ToLower(strings.TrimRight(first, ",:;"))
			switch {
			case strings.HasSuffix(first, ","):
				t.Errorf("assay %s: %q begins with a value of a list, capitalised", strings.Join(args, " "), strings.TrimSpace(l))
			case lowercaseFormats[word]:
				t.Errorf("assay %s: %q begins with a format's name, capitalised", strings.Join(args, " "), strings.TrimSpace(l))
			case strings.ContainsAny(word, "./") || strings.HasPrefix(word, "-"):
				t.Errorf("assay %s: %q begins with a file's name or a flag, capitalised", strings.Join(args, " "), strings.TrimSpace(l))
			}
		}
	}
	root := (&app{getenv: os.Getenv}).rootCommand()
	root.InitDefaultHelpCmd() // cobra adds these as it runs: walked too
	root.InitDefaultCompletionCmd()
	walk(root)
	if helped < 40 {
		t.Errorf("only %d commands' help read: the walk missed commands", helped)
	}
}
