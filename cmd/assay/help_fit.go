package main

import (
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/assay-dev/assay/internal/wraptext"
)

// fang lays a command's help out in two columns, its keys on the left and
// their descriptions on the right, but never wraps a description: in a
// terminal narrower than a description's line, the terminal wraps it into
// the key column. helpFitter takes the help fang writes and wraps each
// line that is too long, a description under its own column.
type helpFitter struct {
	out   io.Writer
	width int // the terminal's; 0 keeps lines whole
	buf   bytes.Buffer
}

// fitHelp returns the writer help should go to: one that fits it to the
// terminal, when out is a terminal and args ask for help; out otherwise
// (a completion script is not help). Help through a pipe keeps every line
// whole, without the spaces fang pads its lines with to a width of its
// own, which a pager in a narrower terminal would wrap into blank lines.
func fitHelp(out io.Writer, args []string) (io.Writer, func()) {
	if !helpAsked(args) {
		return out, func() {}
	}
	h := &helpFitter{out: out}
	if f, ok := out.(term.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w >= 40 {
			h.width = w
		}
	}
	return h, h.flush
}

func helpAsked(args []string) bool {
	return slices.Contains(args, "-h") || slices.Contains(args, "--help") || len(args) > 0 && args[0] == "help"
}

// helpWithoutColour says whether args ask for help that fang will write
// without colour: fitHelp sends it through a helpFitter, which is no
// terminal, so fang writes plain text unless the environment forces
// colour (CLICOLOR_FORCE, TTY_FORCE).
func helpWithoutColour(args, environ []string) bool {
	return helpAsked(args) && colorprofile.Detect(&helpFitter{}, environ) <= colorprofile.ASCII
}

func (h *helpFitter) Write(p []byte) (int, error) { return h.buf.Write(p) }

func (h *helpFitter) flush() {
	text := strings.TrimSuffix(h.buf.String(), "\n")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, l := range wraptext.Row(line, h.width) {
			out = append(out, strings.TrimRight(l, " "))
		}
	}
	_, _ = io.WriteString(h.out, strings.Join(out, "\n")+"\n")
}
