// Package wraptext wraps text, styled or not, to a width in terminal
// cells, at spaces only: a date (2026-03-31), an ID (transfer-safeguards),
// a control (PR.AA-03) or a path stays whole unless it is longer than a
// line by itself.
package wraptext

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// keptHyphen stands in for "-" while wrapping: a non-breaking hyphen,
// one cell wide like the hyphen it replaces. (The wrapper breaks after
// hyphens by itself.)
const keptHyphen = '\u2011'

// Wrap wraps s to width cells, breaking a word only when it is longer
// than a line.
func Wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	if strings.ContainsRune(s, keptHyphen) {
		return ansi.Wrap(s, width, "") // cannot tell ours from the text's own
	}
	s = strings.ReplaceAll(s, "-", string(keptHyphen))
	s = ansi.Hardwrap(ansi.Wordwrap(s, width, ""), width, true)
	return strings.ReplaceAll(s, string(keptHyphen), "-")
}
