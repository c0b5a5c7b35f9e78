package main

import (
	"io"

	"github.com/charmbracelet/x/term"
)

// isTerminal reports whether w is a terminal: a binary report written to
// one would garble it.
func isTerminal(w io.Writer) bool {
	f, ok := fileOf(w)
	return ok && term.IsTerminal(f.Fd())
}
