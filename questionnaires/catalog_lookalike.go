package questionnaires

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// A user catalog's control IDs may be written in any script (a Japanese
// catalog numbers its controls 管理策-1), but not so that one looks like
// an ASCII ID it is not: A.5.1 with a Cyrillic А showed as ISO's A.5.1 in
// every table and never matched the A.5.1 a questionnaire's author typed.
// Three shapes are refused:
//
//   - a compatibility form of an ASCII character: a full-width Ａ, a
//     mathematical 𝐀, a Roman numeral Ⅰ, the Kelvin sign K;
//   - Latin letters mixed with Cyrillic or Greek ones (cс-1, ΑC-1);
//   - an ID whose letters are all Cyrillic or Greek letters that look
//     like Latin ones (А.5.1, ТС-1); an ID with a letter that does not
//     (УБИ.001) cannot be taken for ASCII.

// latinLookAlikes are the Cyrillic and Greek letters that look like a
// Latin letter (after Unicode's confusables), with the letter they look
// like.
var latinLookAlikes = map[rune]rune{
	// Cyrillic capitals and small letters.
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'У': 'Y', 'Х': 'X', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ү': 'Y', 'Ӏ': 'I',
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
	'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ү': 'y', 'ӏ': 'l',
	// Greek capitals and small letters.
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
	'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'Ϲ': 'C', 'Ϳ': 'J',
	'ο': 'o', 'ν': 'v', 'ι': 'i', 'ρ': 'p', 'υ': 'u', 'ϲ': 'c', 'ϳ': 'j',
}

// lookAlike finds the first character that makes id look like an ASCII
// ID it is not: its position (from 1) and why; 0 when there is none.
func lookAlike(id string) (rune, int, string) {
	at := 0
	latin, other := 0, 0
	var firstOther rune
	otherAt, allLookAlike, letters := 0, true, 0
	for _, r := range id {
		at++
		if r < utf8.RuneSelf {
			if unicode.IsLetter(r) {
				latin++
				letters++
				allLookAlike = false
			}
			continue
		}
		if s := norm.NFKC.String(string(r)); len(s) == 1 && s[0] < utf8.RuneSelf {
			return r, at, fmt.Sprintf("another form of the ASCII %q", s)
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
			allLookAlike = false
		case unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r):
			if other == 0 {
				firstOther, otherAt = r, at
			}
			other++
			if _, ok := latinLookAlikes[r]; !ok {
				allLookAlike = false
			}
		default:
			allLookAlike = false
		}
	}
	switch {
	case latin > 0 && other > 0:
		return firstOther, otherAt, fmt.Sprintf("a %s letter among Latin ones", scriptOf(firstOther))
	case letters > 0 && allLookAlike:
		return firstOther, otherAt, fmt.Sprintf("a %s letter that looks like the Latin %c, as every letter of the ID does", scriptOf(firstOther), latinLookAlikes[firstOther])
	}
	return 0, 0, ""
}

func scriptOf(r rune) string {
	if unicode.Is(unicode.Greek, r) {
		return "Greek"
	}
	return "Cyrillic"
}

// controlIDLooksLikeASCII refuses, at its line, a control ID that
// lookAlike finds would be taken for another. It reports whether it
// refused.
func controlIDLooksLikeASCII(v yamlx.Value, id string) bool {
	r, at, why := lookAlike(id)
	if at == 0 {
		return false
	}
	v.Problem("write the ID in the letters a questionnaire's author types: a letter that looks like a Latin one shows as it in every table but never matches it",
		"id %s holds %q (%U) at character %d, %s", quoteStart(id), r, r, at, why)
	return true
}
