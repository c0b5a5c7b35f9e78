package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/assay-dev/assay/assess/safetext"
)

// What to do when a folder assay must write in refuses it, by what the
// folder was for: another place, which README names, or the folder made
// writable.
const (
	databasePlaceRemedy = "make it writable, or keep the database elsewhere with --db FILE or $ASSAY_DB"
	keyPlaceRemedy      = "make it writable, or set $XDG_CONFIG_HOME to a folder you may write in (your signing key and settings are kept there)"
)

// unwritablePlace is the system's refusal to make or write in a folder (a
// read-only file system, no write permission, a file where a folder
// should be) in assay's words: which folder, what is wrong with it, and
// the remedy. Go's own ("mkdir …: read-only file system") named a
// folder assay was about to make, not the one refusing it, and said
// nothing of what to do. Other errors are returned as they are, nil for
// nil.
func unwritablePlace(err error, remedy string) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	var says string
	switch {
	case errors.Is(pe.Err, syscall.EROFS):
		says = "the folder " + safetext.OneLine(filepath.Dir(pe.Path)) + " is read-only (the disk or mount it is on takes no writes)"
	case errors.Is(pe.Err, fs.ErrPermission):
		says = "the folder " + safetext.OneLine(filepath.Dir(pe.Path)) + " is not writable: you may not write in it"
	case errors.Is(pe.Err, syscall.ENOTDIR):
		says = safetext.OneLine(notAFolder(pe.Path)) + " is a file where a folder is needed"
	default:
		return err
	}
	return placeRefusal{err: err, says: says + "; " + remedy}
}

// placeRefusal is unwritablePlace's error; it unwraps to the system's, so
// that callers still tell a permission from a missing file.
type placeRefusal struct {
	err  error
	says string
}

func (p placeRefusal) Error() string { return p.says }

func (p placeRefusal) Unwrap() error { return p.err }

// notAFolder is the first name on path, from the top, that is there and
// is not a folder: what stopped a folder below it being made. path itself
// where none is found.
func notAFolder(path string) string {
	var chain []string
	for d := path; ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if fi, err := os.Stat(chain[i]); err == nil && !fi.IsDir() {
			return chain[i]
		}
	}
	return path
}

// openRefused is store.Open's failure to make the database's folders (the
// workspace creates the database as it opens) in assay's words, as the
// commands that build it first say it (cannotCreateDatabase); other
// errors as they are.
func openRefused(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Op == "mkdir" {
		if _, ok := unwritablePlace(pe, databasePlaceRemedy).(placeRefusal); ok {
			return cannotCreateDatabase(path, pe)
		}
	}
	return err
}
