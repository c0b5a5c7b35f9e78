package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// Every command's long help is written in the source as paragraphs
// wrapped at 80 columns, as a person reads and edits them there, and as
// help through a pipe prints them, whole. In a terminal the help is
// wrapped again to its width (help_fit.go), so a line of 137 columns in
// assay verify's source showed in no test of the printed help
// (help_width_test.go). Indented lines, tables laid out by hand or built
// from data (assay team's roles), are held to the same width: a row of
// 100 columns, left out of this test as the terminal wraps it under its
// own column, ran past the edge of help read through a pipe at 80.
func TestLongHelpIsWrappedInTheSource(t *testing.T) {
	const columns = 80
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for i, line := range strings.Split(c.Long, "\n") {
			if w := utf8.RuneCountInString(line); w > columns {
				t.Errorf("%s: line %d of its long help is %d columns in the source (wrap it at %d):\n%s",
					c.CommandPath(), i+1, w, columns, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk((&app{getenv: func(string) string { return "" }}).rootCommand())
}
