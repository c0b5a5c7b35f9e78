package main

import (
	"fmt"
	"path/filepath"

	"github.com/assay-dev/assay/questionnaires"
)

// convertIDTaken refuses a converted questionnaire whose ID is already
// used where it would be read: by a built-in questionnaire, which no file
// can replace, or by another file of the questionnaires folder when out is
// in it. Either way every command would skip the file written. Writing
// over the file that holds the ID (a new conversion of the same source) is
// no clash.
func (a *app) convertIDTaken(id, out string) error {
	dir := ""
	if out != "" && out != "-" && a.questionnaireDir != "" && sameFile(filepath.Dir(out), a.questionnaireDir) {
		dir = a.questionnaireDir
	}
	lib, _, err := questionnaires.Load(dir)
	if err != nil {
		return err
	}
	q, ok := lib.Get(id)
	switch {
	case !ok:
		return nil
	case lib.IsBuiltin(id):
		return fmt.Errorf("questionnaire ID %s is already used by the built-in questionnaire %s; give the conversion another with --id; nothing was written", id, id)
	case sameFile(q.SourceName, out):
		return nil
	}
	return fmt.Errorf("questionnaire ID %s is already used by %s in the questionnaires folder; give the conversion another with --id, or write it over that file; nothing was written", id, q.SourceName)
}
