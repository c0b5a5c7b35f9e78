package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FirstHidden finds the first character of a name that renders as
// nothing (invisible: Unicode's format characters, category Cf, the
// other default-ignorable ones such as the Hangul filler, and variation
// selectors) and is not doing the job it exists for. Such a character
// makes "Ac<ZWSP>me" read as "Acme" in every list and report while it is
// another name: refused as bidi controls are, so that the name stored is
// the name shown. It returns the rune and its byte index, or -1.
//
// Three kinds are kept where they do visible work, and only there:
//
//   - The zero-width non-joiner and joiner (U+200C, U+200D) between two
//     letters or marks of a script whose shaping they change: Persian
//     and other Arabic-script names (Persian writes a non-joiner between
//     a prefix and its word, as in mi-khaham, "I want"), Syriac, N'Ko,
//     Mongolian and the Indic scripts (a joiner after a virama makes a
//     half form). Between Latin letters, at either
//     end of the name or beside a space, they change nothing anyone sees.
//   - The joiner between emoji (a skin tone or U+FE0F before it, an emoji
//     after), which makes one picture of several; the Mongolian vowel
//     separator (U+180E) between Mongolian letters.
//   - A variation selector after an emoji or symbol (U+FE0F asks for the
//     colour form), a Han ideograph (a registered glyph variant) or a
//     Mongolian letter. After a Latin letter it selects nothing.
//
// Everything else of the kind is refused: zero-width space, word joiner,
// byte order mark, soft hyphen (shown only where a line breaks, which a
// name never does), invisible maths operators, interlinear annotation,
// and the tag characters (which spell hidden ASCII; the subdivision flags
// they make, such as England's, are not worth that in a name).
func FirstHidden(s string) (rune, int) {
	rs := []rune(s)
	at := 0
	for i, r := range rs {
		if Invisible(r) && !doesVisibleWork(rs, i) {
			return r, at
		}
		at += len(string(r))
	}
	return 0, -1
}

// joiningScripts are the scripts whose letters the zero-width joiner and
// non-joiner shape.
var joiningScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian, unicode.Devanagari, unicode.Bengali,
	unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada,
	unicode.Malayalam, unicode.Sinhala, unicode.Tibetan, unicode.Myanmar, unicode.Khmer,
}

// doesVisibleWork reports whether the invisible rs[i] is one of the kinds
// FirstHidden keeps, where it changes what is drawn.
func doesVisibleWork(rs []rune, i int) bool {
	if i == 0 || i == len(rs)-1 {
		// Nothing to join, select or separate on one side: a variation
		// selector may end a name ("Care ❤️"), nothing else may.
		return i > 0 && isSelector(rs[i]) && selectable(rs[i-1])
	}
	prev, next := rs[i-1], rs[i+1]
	switch r := rs[i]; {
	case r == 0x200c || r == 0x200d:
		if joinable(prev) && joinable(next) && sameScript(prev, next) {
			return true
		}
		return r == 0x200d && (emoji(prev) || prev == 0xfe0f) && emoji(next)
	case r == 0x180e:
		return unicode.Is(unicode.Mongolian, prev) && unicode.Is(unicode.Mongolian, next)
	case isSelector(r):
		return selectable(prev)
	}
	return false
}

// joinable is a letter or mark of a script the joiners shape.
func joinable(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && unicode.IsOneOf(joiningScripts, r)
}

func sameScript(a, b rune) bool {
	for _, t := range joiningScripts {
		if unicode.Is(t, a) && unicode.Is(t, b) {
			return true
		}
	}
	return false
}

// emoji is a pictograph or symbol (So), or a skin tone modifier.
func emoji(r rune) bool { return unicode.Is(unicode.So, r) || (r >= 0x1f3fb && r <= 0x1f3ff) }

func isSelector(r rune) bool { return unicode.Is(unicode.Variation_Selector, r) }

// selectable is what a variation selector chooses a form of in a name.
func selectable(r rune) bool {
	return emoji(r) || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Mongolian, r)
}

// Invisible reports whether r is a default-ignorable character: one that
// renders as nothing.
func Invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}

// DropHidden removes from s the characters FirstHidden finds, which show
// as nothing: for showing a name an older assay recorded with one (a soft
// hyphen copied from a web page). Shown, such a character took a column
// in a table, which counts characters, and none on the screen, or the
// other way round (a terminal draws a soft hyphen, a frame measures it as
// nothing): the columns after it, or the frame's border, moved.
func DropHidden(s string) string {
	if !mayHide(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		if Invisible(r) && !doesVisibleWork(rs, i) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mayHide reports whether s holds an invisible character at all, sparing
// the copy for the text that has none, as most has.
func mayHide(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if Invisible(r) {
			return true
		}
		i += size
	}
	return false
}
