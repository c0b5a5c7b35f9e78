package main

import (
	"fmt"
	"path/filepath"

	"github.com/assay-dev/assay/assess"

	"github.com/assay-dev/assay/questionnaires"
)

// idTakenBy names the questionnaire already using id where a file at path
// would be read: a built-in questionnaire, which no file can replace, or
// another file of the questionnaires folder when path is in it. Either way
// every command skips the file. The file at path holding the ID itself
// (a new conversion written over the last) is no clash.
func (a *app) idTakenBy(id, path string) (string, bool, error) {
	dir := ""
	if path != "" && path != "-" && a.questionnaireDir != "" && sameFile(filepath.Dir(path), a.questionnaireDir) {
		dir = a.questionnaireDir
	}
	// The built-ins come through the decoder as in every other command;
	// the folder's files are parsed afresh (questionnaires.LoadWith).
	lib, _, err := questionnaires.LoadWith(dir, a.decoder())
	if err != nil {
		return "", false, err
	}
	q, ok := lib.Get(id)
	if !ok || (!lib.IsBuiltin(id) && sameFile(q.SourceName, path)) {
		return "", false, nil
	}
	return q.SourceName, lib.IsBuiltin(id), nil
}

// convertIDTaken refuses a converted questionnaire whose ID idTakenBy
// finds taken, before anything is written.
func (a *app) convertIDTaken(id, out string) error {
	by, builtin, err := a.idTakenBy(id, out)
	switch {
	case err != nil:
		return err
	case by == "":
		return nil
	case builtin:
		return fmt.Errorf("questionnaire ID %s is already used by the built-in questionnaire %s; give the conversion another with --id; nothing was written", id, id)
	}
	return fmt.Errorf("questionnaire ID %s is already used by %s in the questionnaires folder; give the conversion another with --id, or write it over that file; nothing was written", id, by)
}

// lintIDTaken is the loader's problem for a questionnaire of the
// questionnaires folder whose ID is taken, so that lint says what every
// other command will. A file elsewhere is not loaded, so not checked: the
// built-in questionnaires' own sources lint clean.
func (a *app) lintIDTaken(q *assess.Questionnaire, path string) (questionnaires.Problems, error) {
	if q == nil || a.questionnaireDir == "" || !sameFile(filepath.Dir(path), a.questionnaireDir) {
		return nil, nil
	}
	by, _, err := a.idTakenBy(q.ID, path)
	if err != nil || by == "" {
		return nil, err
	}
	line, col := questionnaires.IDAt(q.Source)
	return questionnaires.Problems{{File: path, Line: line, Column: col, Field: "id", Message: fmt.Sprintf("questionnaire id %q is already used by %s", q.ID, by)}}, nil
}
