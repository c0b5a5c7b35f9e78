package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/assay-dev/assay/internal/input"
)

// questionnaireFolder is the folder of the user's own questionnaires,
// extension files and catalogs, checked before it is read. Read as it
// was, a folder given with --questionnaires that is not there (a typo, a
// ~ the shell left in quotes) counted as an empty one, so assay new -q
// mine answered that there was no questionnaire "mine" without a word on
// the folder; a file, a named pipe or a device there ended in Go's "open
// …/catalogs: not a directory". The default folder may be missing (most
// people never make one), but nothing else may stand in its place.
func (a *app) questionnaireFolder() (string, error) {
	dir := a.questionnaireDir
	named := dir + " (--questionnaires)"
	if !a.questionnaireDirGiven {
		named = dir + " (the folder of your own questionnaires: $XDG_CONFIG_HOME/assay/questionnaires)"
	}
	if a.questionnaireDirGiven && input.HomeRelative(dir) {
		return "", fmt.Errorf("%s begins with ~, which the shell did not expand (it does not after --questionnaires= or in quotes): "+
			"give --questionnaires ~/NAME or the whole path", named)
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !a.questionnaireDirGiven:
		return dir, nil
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("%s is not there: check the name given; assay reads your questionnaires from that folder and creates none", named)
	case err != nil:
		return "", fmt.Errorf("%s cannot be read: %s", named, input.ReadReason(err))
	case !fi.IsDir():
		return "", fmt.Errorf("%s is %s, not a folder", named, input.Kind(fi.Mode()))
	}
	return dir, nil
}
