package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/tui"
)

// keepLongUntyped keeps the long text being typed as the workspace left
// (tui.Model.LongUntyped: a note of paragraphs, a pasted page), which
// the notices on leaving name only by its length: in a file of its own,
// readable by its owner only (answers are confidential), under assay's
// data folder, and says where in one line. If the file cannot be
// written, the text is printed after all: better on the terminal than
// lost.
func (a *app) keepLongUntyped(long []tui.Untyped) {
	if len(long) == 0 {
		return
	}
	var b strings.Builder
	for _, u := range long {
		fmt.Fprintf(&b, "%s (%s):\n\n%s\n\n", u.About, u.Why, u.Text)
	}
	dir := filepath.Join(a.xdgDir("XDG_DATA_HOME", ".local/share"), "assay", "unsaved")
	path := filepath.Join(dir, "typed-"+time.Now().UTC().Format("2006-01-02T15-04-05.000000000Z")+".txt")
	err := os.MkdirAll(dir, 0o700)
	if err == nil {
		err = a.createFile(path, path, []byte(b.String()))
	}
	if err != nil {
		fmt.Fprintln(a.stderr, "What was being typed could not be kept in a file ("+messageLine(err.Error())+"); here it is whole:")
		fmt.Fprint(a.stderr, safetext.Clean(b.String()))
		return
	}
	inform(a.stderr, "What was being typed is kept whole in "+safetext.OneLine(path)+", to give again")
}
