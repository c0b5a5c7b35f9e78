package main

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// plainPromptsReason says why the workspace cannot be drawn full screen
// here, or "" when it can: with its output piped or redirected the screen's
// escape sequences would fill the file, with its input from a file or a
// pipe there are no keys to read, and a dumb terminal (an Emacs shell
// buffer, a CI log) cannot move its cursor. The plain line prompts of
// --accessible work in all three.
func plainPromptsReason(inTerminal, outTerminal bool, termName string) string {
	switch {
	case !outTerminal:
		return "output is not a terminal"
	case !inTerminal:
		return "input is not a terminal"
	case termName == "dumb":
		return "TERM=dumb cannot draw the full screen"
	}
	return ""
}

// readsTerminal reports whether r is a terminal.
func readsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
