package main

import "github.com/assay-dev/assay/assess/safetext"

// shownName is a file's name as every message of the command line names
// a file assay reads, writes or refuses to write (safetext.FileName):
// quoted, with its escapes written out, where it holds any.
var shownName = safetext.FileName
