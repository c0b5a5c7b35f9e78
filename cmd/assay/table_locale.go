package main

import (
	"io"
	"reflect"
	"strings"
	"sync"
)

// asciiOutputs are the standard outputs of the runs whose locale is not
// UTF-8 (LANG=C, LC_ALL=POSIX: locale.UTF8), where a table draws its own
// marks in ASCII. A table is written to whatever writer its command
// gives it (standard output, or a plan's -o file, which is data and
// stays UTF-8), so the choice goes with the writer, not with the table:
// every run in this process (tests run many at once) registers its own.
var asciiOutputs sync.Map

// drawsASCII registers w, a run's standard output, as drawn in ASCII
// when utf8 is false; the returned func ends that, as the run ends.
func drawsASCII(w io.Writer, utf8 bool) (done func()) {
	if utf8 || !usableAsKey(w) {
		return func() {}
	}
	asciiOutputs.Store(w, true)
	return func() { asciiOutputs.Delete(w) }
}

// drawnLike registers w, a buffer a command writes a table into before
// it goes to standard output out, as drawn as out is.
func drawnLike(out, w io.Writer) (done func()) {
	return drawsASCII(w, !inASCII(out))
}

// inASCII reports whether w is a standard output drawn in ASCII.
func inASCII(w io.Writer) bool {
	if !usableAsKey(w) {
		return false
	}
	_, ok := asciiOutputs.Load(w)
	return ok
}

// usableAsKey: a writer of a type that cannot be compared is never
// registered (sync.Map would panic on it).
func usableAsKey(w io.Writer) bool { return w != nil && reflect.TypeOf(w).Comparable() }

// asciiCell is a cell with the table's own mark, the ellipsis that ends
// a cut cell, as ~ in the one cell it took. A name is the user's and is
// printed as given: the output may be a file or a pipe (a name that
// itself ends in … ends in ~ too: the cell cannot tell them apart).
func asciiCell(c string) string {
	if rest, cut := strings.CutSuffix(c, "…"); cut {
		return rest + "~"
	}
	return c
}
