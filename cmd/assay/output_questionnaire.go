package main

import (
	"fmt"
	"os"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires/convert"
)

// keepQuestionnaireAt refuses to write over a file at out that holds a
// questionnaire, an extension or a catalog, unless it holds the very
// thing about to be written (kind and id: an earlier conversion written
// again). assay convert and assay send write YAML, as those files are
// written, and a name mistyped or reused replaced one: every command then
// skipped the file, and the questionnaire was lost. kind "" (assay send)
// keeps every one. A file that cannot be read is left to the write to
// refuse or replace as it would any other.
func keepQuestionnaireAt(out, kind, id, writing string) error {
	if out == "" || out == "-" {
		return nil
	}
	if fi, err := os.Stat(out); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	src, err := input.ReadFile(out)
	if err != nil {
		return nil
	}
	heldKind, heldID := convert.Held(src)
	if heldKind == "" || (heldKind == kind && heldID == id) {
		return nil
	}
	return fmt.Errorf("%s holds %s %s, which %s would replace; write it to another file; nothing was written",
		shownName(out), heldKind, safetext.OneLine(heldID), writing)
}
