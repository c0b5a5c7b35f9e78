package assess

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/assay-dev/assay/assess/safetext"
)

// Names from files and from people are compared with the names this
// database knows (keys trusted, people in the trail, the user) in the
// sense of Unicode's UTS #39: two names look alike when their skeletons
// are equal, the skeleton being the name with each character replaced by
// the one it is drawn like. The full confusables data is not used: the
// one Go module serving it has not been kept up since Unicode 13, and
// most of it is for scripts no name here is mistaken in. The table below
// is the part that matters for names of people and organisations read by
// someone who reads Latin script:
//
//   - Cyrillic and Greek letters drawn as Latin ones (Cyrillic А В Е К М
//     Н О Р С Т Х У Ѕ І Ј Һ Ԛ Ԝ and small а е о р с у х ѕ і ј һ ԛ ԝ ӏ;
//     Greek Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ and small ο ν ι α ρ), and Latin's
//     own dotless ı and the IPA letters ɑ ɡ;
//   - fullwidth forms and mathematical letters, by NFKC (Ａ is A, 𝐀 is A);
//   - characters that show as nothing (safetext.Invisible), dropped, and
//     spaces of other widths, which are spaces;
//   - among ASCII, I and 1 drawn as l and 0 drawn as O, compared with
//     case kept only (folded, Ian and lan would be one name);
//   - two small letters drawn as one: rn as m, vv as w (twoAsOne).
//
// Left out: UTS #39's other sequences (cl for d: see twoAsOne), and
// look-alikes within other scripts, whose readers would need their own
// table.

// crossScript maps letters of other scripts to the Latin letters they
// are drawn like; both cases, so that a folded comparison catches them.
var crossScript = map[rune]rune{
	// Cyrillic capitals
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C',
	'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ү': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Һ': 'h', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ӏ': 'l',
	// Cyrillic small letters
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i',
	'ј': 'j', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ү': 'y',
	// Greek capitals
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
	'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Greek small letters
	'ο': 'o', 'ν': 'v', 'ι': 'i', 'α': 'a', 'ρ': 'p',
	// Latin letters drawn as other Latin letters
	'ı': 'i', 'ɑ': 'a', 'ɡ': 'g',
}

// asciiAlike maps ASCII characters drawn like other ASCII letters, for
// the comparison with case kept.
var asciiAlike = map[rune]rune{'I': 'l', '1': 'l', '0': 'O'}

// twoAsOne are pairs of small letters drawn as one letter (UTS #39's
// sequences): rn as m, vv as w. They are replaced after the letters
// above, so that Cyrillic or Greek ones in them (Greek ν ν) are caught
// too. UTS #39's cl for d is left out: in a terminal the c and l stand
// in two cells, apart from d's closed bowl, and Clara beside Dara is two
// people, not a look-alike.
var twoAsOne = strings.NewReplacer("rn", "m", "vv", "w")

// skeleton is name as it is drawn: what is shown of it, compatibility
// forms as what they show, characters that show as nothing dropped, any
// run of spaces one space, each look-alike as the letter it imitates;
// folded, case aside too.
func skeleton(name string, folded bool) string {
	s := letters(name, folded)
	return strings.Join(strings.Fields(twoAsOne.Replace(s)), " ")
}

// letters is skeleton before two letters drawn as one are read as that
// one.
func letters(name string, folded bool) string {
	// As shown: escape sequences and control characters are never sent
	// to a terminal, line breaks are spaces (safetext.OneLine).
	s := norm.NFKC.String(safetext.OneLine(name))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case safetext.Invisible(r):
			continue
		case unicode.IsSpace(r):
			r = ' '
		}
		if l, ok := crossScript[r]; ok {
			r = l
		} else if l, ok := asciiAlike[r]; ok && !folded {
			r = l
		}
		b.WriteRune(r)
	}
	s = b.String()
	if folded {
		s = cases.Fold().String(s)
	}
	return s
}

// AlikeOnlyAsLetterPairs reports whether name is drawn like like only
// because two letters of one stand for one letter of the other (rn for
// m, vv for w), every character being what it shows: Amie beside Arnie,
// both names people have. Key trust weighs such a pair as a reader
// would, with a warning, rather than refusing a colleague's real name.
func AlikeOnlyAsLetterPairs(name, like string) bool {
	if NameDoubt(name) != "" || LikenessWhy(name, like) != "" {
		return false
	}
	for _, folded := range []bool{false, true} {
		if strings.Join(strings.Fields(letters(name, folded)), " ") == strings.Join(strings.Fields(letters(like, folded)), " ") {
			return false
		}
	}
	return true
}

// LooksLike returns the first of known that name is drawn like and is
// not (NameKey): "Аna Analyst" with a Cyrillic А looks like Ana Analyst.
// A name that is one of known (case aside, as NameKey has it) looks like
// none of them: it is that name. "" when it looks like none.
//
// Names of people are compared so (key trust, an imported file's
// names): a name typed in other case is the same person's. Logins are
// not: LoginLooksLike.
func LooksLike(name string, known ...string) string {
	key := NameKey(name)
	for _, k := range known {
		if NameKey(k) == key {
			return ""
		}
	}
	return drawnLike(name, known)
}

// LoginLooksLike returns the first of logins that login is drawn like
// and is not, byte for byte: PostgreSQL tells "Ana" from "ana", and from
// "ana" with a zero-width space after it, while a committee reading a
// trail in which both act reads one person. Only the very same login is
// not a look-alike of itself. "" when it looks like none.
func LoginLooksLike(login string, logins ...string) string {
	for _, l := range logins {
		if l == login {
			return ""
		}
	}
	return drawnLike(login, logins)
}

// drawnLike returns the first of known whose skeleton, with case kept
// or folded, is name's; "" when none is, or name shows nothing.
func drawnLike(name string, known []string) string {
	exact, folded := skeleton(name, false), skeleton(name, true)
	if folded == "" {
		return ""
	}
	for _, k := range known {
		if strings.TrimSpace(k) == "" {
			continue
		}
		if skeleton(k, false) == exact || skeleton(k, true) == folded {
			return k
		}
	}
	return ""
}

// NameDoubt says why name may not be what it shows, in words to follow a
// name ("it mixes Cyrillic and Latin letters in one word"), or "": it
// holds a character that shows as nothing (safetext.FirstHidden: those
// that do visible work, such as the Persian non-joiner, are not
// doubted), or a word of it mixes scripts in a way no language writes
// (UTS #39's mixed-script detection, word by word, at its "highly
// restrictive" level: Latin with Han and kana or Hangul or Bopomofo is
// how Japanese, Korean and Chinese names are written; Latin with Cyrillic
// in one word is how a look-alike is made).
func NameDoubt(name string) string {
	if r, at := safetext.FirstHidden(name); at >= 0 {
		return fmt.Sprintf("it holds a character that shows as nothing (U+%04X)", r)
	}
	for _, word := range strings.Fields(name) {
		if a, b := mixedScripts(word); a != "" {
			return fmt.Sprintf("it mixes %s and %s letters in one word", a, b)
		}
	}
	return ""
}

// namedScripts are the scripts a name's letters are looked up in, the
// ones look-alikes come from first; a letter of any other script counts
// as its own.
var namedScripts = []string{"Latin", "Cyrillic", "Greek", "Armenian", "Cherokee", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"}

// writtenTogether are the sets of scripts one word may mix (UTS #39's
// highly restrictive level).
var writtenTogether = []map[string]bool{
	{"Latin": true, "Han": true, "Hiragana": true, "Katakana": true},
	{"Latin": true, "Han": true, "Hangul": true},
	{"Latin": true, "Han": true, "Bopomofo": true},
}

// mixedScripts returns the first two scripts of word's letters when they
// are not written together, or "", "".
func mixedScripts(word string) (string, string) {
	var seen []string
	for _, r := range word {
		if !unicode.IsLetter(r) {
			continue // digits, marks and punctuation belong to every script
		}
		sc := scriptOf(r)
		if sc == "" {
			continue
		}
		found := false
		for _, s := range seen {
			found = found || s == sc
		}
		if !found {
			seen = append(seen, sc)
		}
	}
	if len(seen) < 2 {
		return "", ""
	}
	for _, set := range writtenTogether {
		all := true
		for _, s := range seen {
			all = all && set[s]
		}
		if all {
			return "", ""
		}
	}
	return seen[0], seen[1]
}

// scriptOf names r's script: one of namedScripts, or any other by its
// Unicode name; "" for Common and Inherited, which every script uses.
func scriptOf(r rune) string {
	for _, name := range namedScripts {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// LikenessWhy says why name, drawn like like and not it, is not what it
// shows, in words to follow a name: NameDoubt's, or that it holds a
// control character (an escape sequence, a line break: never drawn), or
// that it differs from like only in case ("Ana" beside "ana", which no
// letter out of place gives away); "" when none is so.
func LikenessWhy(name, like string) string {
	if why := NameDoubt(name); why != "" {
		return why
	}
	for _, r := range name {
		if unicode.IsControl(r) && r != ' ' {
			return fmt.Sprintf("it holds a control character (U+%04X), which is not drawn", r)
		}
	}
	if name != like && cases.Fold().String(name) == cases.Fold().String(like) {
		return "it differs from it only in case"
	}
	return ""
}
