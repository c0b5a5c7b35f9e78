package assess

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/assay-dev/assay/assess/safetext"
)

// Text from people and files is untrusted. Every path that stores it (the
// command line, the workspace, answers and vendor files, imports) goes
// through one of two rules, chosen by what the field is:
//
//   - A name (a subject, an owner, a contact, an approver, whoever signs)
//     is one line and is stored as given, outer spaces trimmed. Control
//     characters, escape sequences, bidi controls, characters that
//     render as nothing (safetext.FirstHidden) and noncharacters are
//     refused, not removed, so that the name stored is the name shown and
//     searched for.
//     At most MaxNameLength characters: names fill table columns.
//   - Free text (answers, notes, evidence, comments, actions, reasons,
//     milestones) keeps its newlines and tabs; escape sequences, other
//     control characters and bidi controls are removed, as the workspace
//     removes them as they are typed. At most MaxTextLength bytes.
//
// Names are compared by NameKey, so that two names that differ only by
// case or by characters nobody sees are the same name.

// MaxNameLength bounds a name, in characters.
const MaxNameLength = 200

// CleanName checks a name given for field and returns it trimmed, or an
// error that names the field and what is wrong.
func CleanName(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if r, at := safetext.FirstControl(s, false); at >= 0 {
		return "", Errorf(EInvalid, "%s %s at character %d: a name is one line of plain text", field, controlWords(r), utf8.RuneCountInString(s[:at])+1)
	}
	if r, at := safetext.FirstHidden(s); at >= 0 {
		return "", Errorf(EInvalid, "%s holds an invisible character (U+%04X) at character %d: a name holds only characters that can be seen", field, r, utf8.RuneCountInString(s[:at])+1)
	}
	if r, at := safetext.FirstNoncharacter(s); at >= 0 {
		// Shown as nothing or a box, and dropped by every output: the
		// name stored would not be the name shown. A name an older assay
		// stored with one stands as recorded (KeepName).
		return "", Errorf(EInvalid, "%s holds a noncharacter (U+%04X) at character %d: a name holds only text", field, r, utf8.RuneCountInString(s[:at])+1)
	}
	if n := utf8.RuneCountInString(s); n > MaxNameLength {
		return "", Errorf(EInvalid, "%s is %d characters long; a name may have at most %d", field, n, MaxNameLength)
	}
	return s, nil
}

// CheckLine reports whether s, its surrounding spaces aside, is one line
// of plain text, as a version or a title must be, naming field and the
// first character that is not.
func CheckLine(field, s string) error {
	s = strings.TrimSpace(s)
	if r, at := safetext.FirstControl(s, false); at >= 0 {
		return Errorf(EInvalid, "%s %s at character %d: it is one line of plain text", field, controlWords(r), utf8.RuneCountInString(s[:at])+1)
	}
	return nil
}

// CleanText returns free text given for field with escape sequences,
// control characters other than newline and tab, and bidi controls
// removed (CRLF becomes LF), or an error if it is not UTF-8 or is longer
// than MaxTextLength bytes once cleaned.
func CleanText(field, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", Errorf(EInvalid, "%s is not valid UTF-8", field)
	}
	s = safetext.Clean(s)
	if len(s) > MaxTextLength {
		return "", Errorf(EInvalid, "%s is %d bytes long; the limit is %d", field, len(s), MaxTextLength)
	}
	return s, nil
}

// CheckText reports whether free text would be accepted for field.
func CheckText(field, s string) error {
	_, err := CleanText(field, s)
	return err
}

// CheckStoredText refuses free text that CleanText would change: for
// records stored byte for byte, such as an imported assessment, whose
// audit trail is hashed and cannot be cleaned without breaking it.
func CheckStoredText(field, s string) error {
	if r, at := safetext.FirstControl(s, true); at >= 0 {
		return Errorf(EInvalid, "%s %s at character %d", field, controlWords(r), utf8.RuneCountInString(s[:at])+1)
	}
	if len(s) > MaxTextLength {
		return Errorf(EInvalid, "%s is %d bytes long; the limit is %d", field, len(s), MaxTextLength)
	}
	return nil
}

// controlWords says what a character FirstControl found is.
func controlWords(r rune) string {
	switch {
	case r == utf8.RuneError:
		return "is not valid UTF-8"
	case r == 0x1b:
		return "holds an escape sequence (ESC)"
	case r == '\n' || r == '\r':
		return "holds a line break"
	case r == '\t':
		return "holds a tab"
	case unicode.Is(unicode.Bidi_Control, r):
		return fmt.Sprintf("holds a bidi control (U+%04X)", r)
	}
	return fmt.Sprintf("holds a control character (U+%04X)", r)
}

// NameKey is what names are compared by: Unicode compatibility
// normalisation (NFKC: full-width letters, ligatures and the like become
// plain letters), Unicode case folding, invisible characters (zero-width
// spaces and joiners, bidi marks, variation selectors, soft hyphens and
// other default-ignorable characters) and control characters removed, and
// runs of spaces made one. Two names with the same key are the same name.
func NameKey(s string) string {
	s = norm.NFKC.String(safetext.OneLine(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !invisible(r) {
			b.WriteRune(r)
		}
	}
	k := norm.NFKC.String(cases.Fold().String(b.String()))
	return strings.Join(strings.Fields(k), " ")
}

// SameName reports whether two names are the same name (NameKey).
func SameName(a, b string) bool { return NameKey(a) == NameKey(b) }

// Blank reports whether s shows nothing: it holds only spaces and
// characters that render as nothing (a zero-width space, a soft hyphen, a
// word joiner). A comment, reason or title assay requires is not given by
// one.
func Blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !invisible(r) {
			return false
		}
	}
	return true
}

// invisible reports whether r is a default-ignorable character: one that
// renders as nothing.
func invisible(r rune) bool { return safetext.Invisible(r) }

// CleanAnswer applies the free-text rule to what a person or a file wrote
// in an answer: a text answer, the planned measures of a risk, the note
// and each evidence reference.
func CleanAnswer(a Answer) (Answer, error) {
	var err error
	if a.Value.Text != "" {
		if a.Value.Text, err = CleanText("answer", a.Value.Text); err != nil {
			return a, err
		}
	}
	if r := a.Value.Risk; r != nil && r.Measures != "" {
		rr := *r
		if rr.Measures, err = CleanText("measures", rr.Measures); err != nil {
			return a, err
		}
		a.Value.Risk = &rr
	}
	if a.Note, err = CleanText("note", a.Note); err != nil {
		return a, err
	}
	if err := CheckEvidenceCount(len(a.Evidence)); err != nil {
		return a, fmt.Errorf("evidence: %w", err)
	}
	if len(a.Evidence) > 0 {
		evidence := make([]string, len(a.Evidence))
		for i, e := range a.Evidence {
			if evidence[i], err = CleanText("evidence", e); err != nil {
				return a, err
			}
		}
		a.Evidence = evidence
	}
	return a, nil
}

// quoted is a title inside a reason a report prints: in quotation marks,
// on one line and clean, as written. Go's %q would print a quotation mark
// in it as \" and a control character as \x1b, which a committee would
// then read.
func quoted(title string) string { return `"` + safetext.OneLine(title) + `"` }
