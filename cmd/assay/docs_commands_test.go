package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every assay command line the docs show, in a shell or console block or
// in a code span of the text, names a command assay has and flags that
// command takes. Only the README's tour and a few blocks are run as
// written elsewhere; the other examples are copied by readers as they
// stand, so a flag renamed or dropped in the code would leave them an
// "unknown flag" the docs never mention.
func TestDocsCommandLinesNameRealCommandsAndFlags(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, filepath.Join("..", "..", "README.md"))
	checked := 0
	for _, path := range docs {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range docCommandLines(string(src)) {
			words, ok := docWords(line)
			if !ok {
				t.Errorf("%s: cannot split %q", filepath.Base(path), line)
				continue
			}
			if problem := commandLineProblem(words); problem != "" {
				t.Errorf("%s: %q: %s", filepath.Base(path), line, problem)
			}
			checked++
		}
	}
	if checked < 200 {
		t.Errorf("checked %d command lines; the docs hold far more, so the reading of them broke", checked)
	}
}

// commandLineProblem is what is wrong with words, a command line that
// starts with assay, or "" when assay would take its command and flags.
func commandLineProblem(words []string) string {
	root := (&app{getenv: func(string) string { return "" }}).rootCommand()
	cmd, rest, err := root.Find(words[1:])
	if err != nil {
		return err.Error()
	}
	if err := cmd.ParseFlags(rest); err != nil && err.Error() != "pflag: help requested" {
		// The text may name a flag alone ("assay verify --against"):
		// it has to be one, and it need not be given its value.
		if last := words[len(words)-1]; !strings.HasPrefix(last, "-") || !strings.Contains(err.Error(), "flag needs an argument") {
			return err.Error()
		}
	}
	// What is left after the command's path is positional: for assay
	// alone, or a group such as assay team (none takes an argument of its
	// own), a word there is a command that does not exist.
	if args := cmd.Flags().Args(); len(args) > 0 && cmd.HasSubCommands() {
		return "no command " + strings.Join(append(strings.Fields(cmd.CommandPath()), args[0]), " ")
	}
	return ""
}

var (
	docFence     = regexp.MustCompile("(?s)```(?:sh|console)\n(.*?)```")
	docCodeSpan  = regexp.MustCompile("`(assay(?: [^`]*)?)`")
	docEnvPrefix = regexp.MustCompile(`^(?:[A-Z_]+=\S+ )+`)
)

// docCommandLines are the assay command lines of a Markdown text: those of
// its sh and console blocks (a console block's output left out, a line
// continued with \ joined) and its code spans that start with assay, a
// span broken over lines joined. The shell's redirections end a line.
func docCommandLines(doc string) []string {
	var lines []string
	for _, block := range docFence.FindAllStringSubmatch(doc, -1) {
		text := strings.ReplaceAll(block[1], "\\\n", " ")
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "$ ")
			line = docEnvPrefix.ReplaceAllString(line, "")
			if line == "assay" || strings.HasPrefix(line, "assay ") {
				lines = append(lines, line)
			}
		}
	}
	prose := docFence.ReplaceAllString(doc, "")
	for _, span := range docCodeSpan.FindAllStringSubmatch(prose, -1) {
		words := strings.Fields(span[1])
		if len(words) > 1 && strings.HasSuffix(words[1], ":") {
			continue // a screen's text quoted ("assay team: ana › …"), not a command
		}
		lines = append(lines, strings.Join(words, " "))
	}
	return lines
}

// docWords splits a command line as sh would for what the docs hold:
// words, single- and double-quoted strings, and a comment from an
// unquoted " #" on. It is false for an unbalanced quote.
func docWords(line string) ([]string, bool) {
	var words []string
	var w strings.Builder
	var quote rune
	started := false
	for i, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, started = r, true
		case (r == '#' || r == '<' || r == '>') && (i == 0 || line[i-1] == ' '):
			// a comment, or the shell's redirection: not assay's words
			return appendWord(words, &w, started), true
		case r == ' ' || r == '\t':
			words = appendWord(words, &w, started)
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	return appendWord(words, &w, started), quote == 0
}

func appendWord(words []string, w *strings.Builder, started bool) []string {
	if started {
		words = append(words, w.String())
	}
	w.Reset()
	return words
}
