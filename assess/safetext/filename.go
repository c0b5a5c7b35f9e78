package safetext

import "strconv"

// FileName is a file's name as a message names a file that is or will be
// there: as given when a terminal shows it as it is (OneLine leaves it
// so), else quoted with what a terminal would act on or not show written
// out, as Go's %q writes them (an escape as \x1b, a line break as \n, a
// bidirectional control as \u202e), and a space at either end or two
// together kept inside the quotes. Cleaned instead (OneLine), the name
// named a file that does not exist, and the person could not find the one
// meant; as given, it would send the terminal its escapes. A name already
// shown so is shown the same again: quoted, it holds nothing to write out.
func FileName(name string) string {
	if OneLine(name) == name {
		return name
	}
	return strconv.Quote(name)
}
