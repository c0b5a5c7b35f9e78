package main

import (
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

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
// terminal, when out is a terminal and help is shown (helpShown); out
// otherwise (a completion script is not help). Help through a pipe keeps
// every line whole, without the spaces fang pads its lines with to a
// width of its own, which a pager in a narrower terminal would wrap into
// blank lines.
func fitHelp(out io.Writer, help bool) (io.Writer, func()) {
	if !help {
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

// helpShown says whether root run with args writes help: asked for with
// -h, --help or help, or unasked, for a command that only groups others
// (assay team, assay subject), which cobra answers with its help. Both
// are written the same way, so that assay team reads as assay team
// --help does.
func helpShown(root *cobra.Command, args []string) bool {
	if slices.Contains(args, "-h") || slices.Contains(args, "--help") || len(args) > 0 && args[0] == "help" {
		return true
	}
	c, _, err := root.Find(args)
	return err == nil && c.Annotations[groupAnnotation] != ""
}

const groupAnnotation = "assay/group"

// asGroup makes cmd a command that only groups others, such as assay
// team: runnable, so that a misspelt subcommand is refused
// (noSuchCommand) rather than answered with the help and exit status 0,
// and answered with its help when given none (helpShown).
func asGroup(cmd *cobra.Command) *cobra.Command {
	cmd.Args = noSuchCommand
	cmd.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[groupAnnotation] = "yes"
	return cmd
}

// helpWithoutColour says whether help fitHelp takes is written without
// colour: a helpFitter is no terminal, so fang writes plain text unless
// the environment forces colour (CLICOLOR_FORCE, TTY_FORCE).
func helpWithoutColour(environ []string) bool {
	return colorprofile.Detect(&helpFitter{}, environ) <= colorprofile.ASCII
}

// beforePlainHelp runs before help without colour is written; main sets
// it to hide the terminal from fang (main.go). Tests that call run leave
// it nil: their stdin is no terminal, and os.Stdin is the test process's.
var beforePlainHelp func()

func (h *helpFitter) Write(p []byte) (int, error) { return h.buf.Write(p) }

func (h *helpFitter) flush() {
	if h.buf.Len() == 0 {
		return // a group given a word that names none of its commands: refused, no help
	}
	text := strings.TrimSuffix(h.buf.String(), "\n")
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, l := range wraptext.Row(line, h.width) {
			out = append(out, strings.TrimRight(l, " "))
		}
	}
	_, _ = io.WriteString(h.out, strings.Join(out, "\n")+"\n")
}
