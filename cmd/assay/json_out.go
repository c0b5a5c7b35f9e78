package main

import (
	"encoding/json"
	"io"

	"github.com/assay-dev/assay/assess/safetext"
)

// writeJSONTo writes v as indented JSON with C1 controls and bidi
// overrides escaped: JSON output is often read on a terminal, and the
// text in it (subject names, notes) comes from vendors.
func writeJSONTo(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(safetext.EscapeJSON(b), '\n'))
	return err
}

// writeJSON writes v to standard output (see writeJSONTo).
func (a *app) writeJSON(v any) error { return writeJSONTo(a.stdout, v) }
