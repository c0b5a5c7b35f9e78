package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// The workspace creates its database where there is none, as a first run
// on a fresh machine expects, and says where on its first screen (and
// accessible mode before its first list): someone who meant another file
// learns which one the session's work goes into. A --db or $ASSAY_DB
// naming no file is another matter: a mistyped name would open on an
// empty portfolio, which reads as lost work, and take the session's
// changes into a file nobody opens again. So the workspace asks before it
// creates a database at a place someone named, on a terminal; without one
// (a script, a pipe) it creates it and says so, but only in a folder that
// is there: a named folder that is not is as likely mistyped as the file,
// and nobody can be asked.

// newNamedDatabase reports whether the workspace is about to create the
// SQLite database someone named, and the name to say.
func (a *app) newNamedDatabase() (string, bool) {
	if a.dbNamedBy == "" {
		return "", false
	}
	return a.newDatabase()
}

// newDefaultDatabase reports whether the workspace is about to create the
// SQLite database at the default place (nobody named one), and the name
// to say.
func (a *app) newDefaultDatabase() (string, bool) {
	if a.dbNamedBy != "" {
		return "", false
	}
	return a.newDatabase()
}

// newDatabase reports whether there is no SQLite database at a.dbPath
// yet, and its name to say.
func (a *app) newDatabase() (string, bool) {
	if t, err := store.ParseTarget(a.dbPath); err != nil || t.Postgres {
		return "", false // refused by name when it opens, or a server's
	}
	if _, err := os.Lstat(a.dbPath); !errors.Is(err, fs.ErrNotExist) {
		return "", false
	}
	return safetext.OneLine(a.dbPath), true
}

// refuseMissingFolder refuses, without a terminal to ask on, to create
// the named database shown in a folder that is not there.
func (a *app) refuseMissingFolder(shown string) error {
	dir := filepath.Dir(a.dbPath)
	if exists(dir) {
		return nil
	}
	return fmt.Errorf("there is no database at %s (named with %s), and its folder %s does not exist: nothing was created; "+
		"check the name, or make the folder first (mkdir -p)", shown, a.dbNamedBy, safetext.OneLine(dir))
}

// createdWords says where the workspace created a new portfolio, for its
// first screen and accessible mode: named says who named the place, ""
// for the default place.
func createdWords(shown, named string) string {
	if named == "" {
		return "New, empty portfolio created at " + shown + " (the default place; --db or $ASSAY_DB names another)."
	}
	return "New, empty portfolio created at " + shown + " (named with " + named + ")."
}

// confirmNewDatabase asks, on a terminal, whether to create the database
// at shown; anything but yes (Enter alone, end of input, Ctrl-C) refuses,
// creating nothing.
func (a *app) confirmNewDatabase(ctx context.Context, shown string) error {
	fmt.Fprintf(a.stderr, "There is no database at %s (named with %s).\n", shown, a.dbNamedBy)
	// A mistyped folder is as likely as a mistyped file: say that yes
	// makes it too.
	if dir := filepath.Dir(a.dbPath); !exists(dir) {
		fmt.Fprintf(a.stderr, "Its folder %s does not exist either: yes creates it.\n", safetext.OneLine(dir))
	}
	fmt.Fprint(a.stderr, "Create a new, empty portfolio there? [y/N] ")
	answer, err := readLineOrCancel(ctx, a.stdin)
	if err == nil && isYes(answer) {
		return nil
	}
	if err != nil {
		fmt.Fprintln(a.stderr)
	}
	return fmt.Errorf("there is no database at %s: nothing was created; check the name given with %s", shown, a.dbNamedBy)
}

// exists reports whether path is there (as a link, too).
func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// isYes is a yes to a question whose default is no.
func isYes(answer string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return true
	}
	return false
}

// readLineOrCancel reads one line from r a byte at a time, so that
// nothing after it is taken from what the workspace reads next, and gives
// up when ctx ends (Ctrl-C while the question waits).
func readLineOrCancel(ctx context.Context, r io.Reader) (string, error) {
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var b strings.Builder
		buf := make([]byte, 1)
		for {
			n, err := r.Read(buf)
			if n == 1 {
				if buf[0] == '\n' {
					done <- result{b.String(), nil}
					return
				}
				b.WriteByte(buf[0])
			}
			if err != nil {
				done <- result{b.String(), err}
				return
			}
		}
	}()
	select {
	case res := <-done:
		return res.line, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
