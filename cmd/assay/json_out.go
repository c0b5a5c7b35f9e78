package main

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"

	"github.com/assay-dev/assay/assess/safetext"
)

// writeJSONTo writes v as indented JSON with C1 controls and bidi
// overrides escaped: JSON output is often read on a terminal, and the
// text in it (subject names, notes) comes from vendors. Noncharacters an
// older assay stored in a name are dropped, as every other output drops
// them: a --json output is for scripts and people, never read back by
// assay nor covered by a hash or signature, and I-JSON (RFC 7493) asks
// that JSON for other programs hold none; a name without them still
// finds its record. assay export, which assay imports and whose audit
// records cover each name byte for byte, keeps them (export.Marshal).
func writeJSONTo(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(safetext.EscapeJSON(dropNoncharacters(b)), '\n'))
	return err
}

// dropNoncharacters removes noncharacters from JSON text as
// encoding/json writes it (valid UTF-8). Outside its strings JSON is
// ASCII, so each is inside a string, and the document stays valid.
func dropNoncharacters(b []byte) []byte {
	// A quick scan first, as list --json writes every row through here:
	// a noncharacter's UTF-8 starts with byte 0xEF (U+FDD0 to U+FFFF) or
	// 0xF0 and up (the other planes).
	if !slices.ContainsFunc(b, func(c byte) bool { return c >= 0xef }) || !bytes.ContainsFunc(b, safetext.IsNoncharacter) {
		return b
	}
	return bytes.Map(func(r rune) rune {
		if safetext.IsNoncharacter(r) {
			return -1
		}
		return r
	}, b)
}

// writeJSON writes v to standard output (see writeJSONTo).
func (a *app) writeJSON(v any) error { return writeJSONTo(a.stdout, v) }
