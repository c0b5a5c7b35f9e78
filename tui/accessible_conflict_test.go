package tui_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// In accessible mode, as in the workspace, an answer another person saved
// since the question was asked is never replaced unawares: the prompt
// says who saved what, then o saves this answer over theirs, and Enter
// keeps theirs.
func TestAccessibleConflictOverwritesOrKeeps(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	sam := func(question, choice string) func() {
		return func() { other.answer(a.ID, question, choice, "") }
	}
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"}, // the assessment
		{text: "2"}, // data-sensitivity: ordinary personal data
		{before: sam("attestation", "no"), text: "1"}, // yes, over Sam's no
		{text: "o"}, // save it over theirs
		{before: sam("policy", "yes"), text: "3"}, // no, over Sam's yes
		{text: ""}, // keep theirs
		{text: "q"},
	}}
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), e.deps(), in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"changed by Sam Ortiz at",
		// Sam's answers as he chose them, by the options' labels.
		"it is now No.",
		"it is now Yes, in place.",
		"Type o to save your answer over theirs, or press Enter to keep theirs.",
		"Saved over their answer.",
		"Their answer is kept.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	got := e.load(a.ID)
	if c := got.Answers["attestation"].Value.Choices; len(c) != 1 || c[0] != "yes" {
		t.Errorf("attestation is %v; want yes, saved over Sam's no with o", c)
	}
	if c := got.Answers["policy"].Value.Choices; len(c) != 1 || c[0] != "yes" {
		t.Errorf("policy is %v; want Sam's yes, kept with Enter", c)
	}
}

// scriptedInput gives one line per Read, running a line's before first:
// what another window does while the person reads the prompt.
type scriptedInput struct {
	lines []scriptedLine
}

type scriptedLine struct {
	before func()
	text   string
}

func (s *scriptedInput) Read(p []byte) (int, error) {
	if len(s.lines) == 0 {
		return 0, io.EOF
	}
	l := s.lines[0]
	s.lines = s.lines[1:]
	if l.before != nil {
		l.before()
	}
	return copy(p, l.text+"\n"), nil
}
