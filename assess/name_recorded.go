package assess

import (
	"strings"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess/safetext"
)

// An assay before 2026-12-05 accepted names holding characters that show
// as nothing (safetext.FirstHidden): soft hyphens and zero-width spaces come in
// with text copied from web pages. Such a name is recorded: in the
// database, and in the audit trail whose hashes cover it byte for byte,
// and in the signed exports made of it. CleanName refuses it when it is
// typed or given anew; a name carried over unchanged from the record
// (editing a subject's tier, exporting, importing a signed export, a new
// assessment of the subject so named) is accepted as recorded, so that
// nobody is locked out of their own recorded work. Renaming is giving a
// name anew: a rename that keeps the character is refused.

// CheckStoredName reports whether s may stand as a name as recorded: one
// line of plain text (no control characters, escape sequences or bidi
// controls, which no assay accepted) of at most MaxNameLength characters.
// Invisible characters pass. s is not trimmed: it is as stored.
func CheckStoredName(field, s string) error {
	if r, at := safetext.FirstControl(s, false); at >= 0 {
		return Errorf(EInvalid, "%s %s at character %d: a name is one line of plain text", field, controlWords(r), utf8.RuneCountInString(s[:at])+1)
	}
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		return Errorf(EInvalid, "%s is %d characters long; a name may have at most %d", field, n, MaxNameLength)
	}
	return nil
}

// KeepName checks a name given for field against the names recorded for
// it: one of them, unchanged (outer spaces aside), stands as recorded
// (CheckStoredName); any other is a name given anew (CleanName).
func KeepName(field, s string, recorded ...string) (string, error) {
	for _, r := range recorded {
		if r != "" && (s == r || strings.TrimSpace(s) == r) {
			return r, CheckStoredName(field, r)
		}
	}
	return CleanName(field, s)
}
