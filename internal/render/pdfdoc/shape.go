package pdfdoc

import "strings"

// arabicForms are the presentation forms of the Arabic letters the
// embedded fonts have: isolated, final, and for letters that join on both
// sides initial and medial. A PDF draws the code points it is given, and
// the basic Arabic letters are the isolated forms, so without this every
// letter of a word would stand alone.
var arabicForms = func() map[rune][]rune {
	m := map[rune][]rune{0x0621: {0xFE80}}
	// U+0622 to U+064A (less U+063B to U+0640) follow each other in
	// Presentation Forms-B from U+FE81, two forms for a letter that joins
	// only the letter before it, four for the others.
	rightOnly := "\u0622\u0623\u0624\u0625\u0627\u0629\u062F\u0630\u0631\u0632\u0648\u0649"
	next := rune(0xFE81)
	for r := rune(0x0622); r <= 0x064A; r++ {
		if r >= 0x063B && r <= 0x0640 {
			continue
		}
		n := 4
		if strings.ContainsRune(rightOnly, r) {
			n = 2
		}
		for i := range n {
			m[r] = append(m[r], next+rune(i))
		}
		next += rune(n)
	}
	// Persian and Urdu letters, from Presentation Forms-A.
	for r, first := range map[rune]rune{0x067E: 0xFB56, 0x0686: 0xFB7A, 0x06A9: 0xFB8E, 0x06AF: 0xFB92, 0x06CC: 0xFBFC} {
		m[r] = []rune{first, first + 1, first + 2, first + 3}
	}
	m[0x0698] = []rune{0xFB8A, 0xFB8B}
	return m
}()

// lamAlef are the ligatures of lam with each alef: isolated and final.
var lamAlef = map[rune][2]rune{0x0622: {0xFEF5, 0xFEF6}, 0x0623: {0xFEF7, 0xFEF8}, 0x0625: {0xFEF9, 0xFEFA}, 0x0627: {0xFEFB, 0xFEFC}}

const tatweel = 0x0640

// transparent marks (vowels, shadda, superscript alef) sit on a letter and
// do not break its joining.
func transparent(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || (r >= 0x06D6 && r <= 0x06ED)
}

// joinsNext reports whether r connects to the letter after it.
func joinsNext(r rune) bool { return r == tatweel || len(arabicForms[r]) == 4 }

// joinsPrev reports whether r connects to the letter before it.
func joinsPrev(r rune) bool { return r == tatweel || (len(arabicForms[r]) >= 2) }

// shapeArabic sets each Arabic letter in the form its neighbours ask for,
// in typed order; other text is left as it is.
func shapeArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF }) {
		return s
	}
	rs := []rune(s)
	// neighbour is the nearest letter before (step -1) or after (step 1)
	// index i, skipping marks; 0 when there is none.
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms, ok := arabicForms[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		before := neighbour(i, -1)
		linked := joinsNext(before) && joinsPrev(r)
		if r == 0x0644 && i+1 < len(rs) {
			if lig, ok := lamAlef[rs[i+1]]; ok {
				if linked {
					b.WriteRune(lig[1])
				} else {
					b.WriteRune(lig[0])
				}
				i++
				continue
			}
		}
		after := neighbour(i, 1)
		links := joinsNext(r) && joinsPrev(after) && after != 0
		switch {
		case linked && links:
			b.WriteRune(forms[3])
		case linked:
			b.WriteRune(forms[1])
		case links:
			b.WriteRune(forms[2])
		default:
			b.WriteRune(forms[0])
		}
	}
	return b.String()
}
