package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess/safetext"
)

// shownWhere makes a form field's refusal of a character the field does
// not show (a bidi control, which no frame draws, or an invisible
// character such as a zero-width space) say where the character is in
// what the field does show. "subject holds a bidi control (U+202E) at
// character 6" pointed at a character the analyst cannot see, in a count
// that includes it; the refusal now names the character and the text it
// follows ("just after "Acme "), which the analyst can put the cursor
// at. Other refusals are as check says them.
func shownWhere(check func(string) error) func(string) error {
	return func(s string) error {
		err := check(s)
		if err == nil {
			return nil
		}
		r, at := firstUnshown(s)
		if at < 0 || !strings.Contains(err.Error(), fmt.Sprintf("U+%04X", r)) {
			return err // refused for something else
		}
		return fmt.Errorf("%w. The field does not show this %s: it is %s; delete it there, or clear the field and type the name again",
			err, unshownName(r), shownBefore(s[:at]))
	}
}

// firstUnshown is the first bidi control or invisible character of s and
// its byte offset, or -1.
func firstUnshown(s string) (rune, int) {
	hidden, hiddenAt := safetext.FirstHidden(s)
	for i, r := range s {
		if hiddenAt >= 0 && i >= hiddenAt {
			return hidden, hiddenAt
		}
		if unicode.Is(unicode.Bidi_Control, r) {
			return r, i
		}
	}
	return hidden, hiddenAt
}

// shownBefore says where a character is by the text the field shows
// before it: its last 20 characters, quoted with their spaces.
func shownBefore(before string) string {
	shown := safetext.DropHidden(safetext.DropBidi(safetext.Clean(before)))
	if strings.TrimSpace(shown) == "" {
		return "at the start of the name"
	}
	if n := utf8.RuneCountInString(shown); n > 20 {
		shown = "…" + string([]rune(shown)[n-20:])
	}
	return fmt.Sprintf("just after \"%s\"", shown)
}

// unshownNames are the characters a name is most often refused for, by
// their Unicode names in words; others are "invisible character".
var unshownNames = map[rune]string{
	'\u061c': "Arabic letter mark", '\u200e': "left-to-right mark", '\u200f': "right-to-left mark",
	'\u202a': "left-to-right embedding", '\u202b': "right-to-left embedding", '\u202c': "pop directional formatting",
	'\u202d': "left-to-right override", '\u202e': "right-to-left override",
	'\u2066': "left-to-right isolate", '\u2067': "right-to-left isolate", '\u2068': "first strong isolate", '\u2069': "pop directional isolate",
	'\u200b': "zero-width space", '\u200c': "zero-width non-joiner", '\u200d': "zero-width joiner", '\u2060': "word joiner",
	'\ufeff': "zero-width no-break space", '\u00ad': "soft hyphen",
}

func unshownName(r rune) string {
	if name, ok := unshownNames[r]; ok {
		return name
	}
	if unicode.Is(unicode.Bidi_Control, r) {
		return "bidi control"
	}
	return "invisible character"
}
