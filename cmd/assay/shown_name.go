package main

import (
	"strconv"

	"github.com/assay-dev/assay/assess/safetext"
)

// shownName is a file's name as a message names a file assay wrote or
// will write: as given when a terminal shows it as it is, else quoted
// with what a terminal would act on or not show written out, as Go's %q
// writes them (an escape as \x1b, a line break as \n, a bidirectional
// control as \u202e), and a space at either end or two together kept
// inside the quotes. Cleaned instead (safetext.OneLine), the name named
// a file that does not exist, and the person could not find the one
// written; as given, it would send the terminal its escapes.
func shownName(name string) string {
	if safetext.OneLine(name) == name {
		return name
	}
	return strconv.Quote(name)
}
