package main

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// isTerminal reports whether w is a terminal: a binary report written to
// one would garble it.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
