package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A vendor whose key is trusted can state any name in its file; a reader
// who sees "Ana Analyst" takes it for the analyst of this office. Each
// look-alike in the table (assess/name_lookalike.go) stands in one of
// these names, and each is caught against the name it imitates.
func TestLooksLikeCatchesEachConfusable(t *testing.T) {
	known := []string{"Ana Analyst", "Bill Roy", "Otto Kemp", "Sophie Price", "Wes Howe", "Dara Lee"}
	for _, tc := range []struct{ stated, like string }{
		// Cyrillic capitals
		{"\u0410na Analyst", "Ana Analyst"},   // А
		{"\u0412ill Roy", "Bill Roy"},         // В
		{"Bill Ro\u0443", "Bill Roy"},         // у at the end
		{"\u041etto Kemp", "Otto Kemp"},       // О
		{"Otto \u041aemp", "Otto Kemp"},       // К
		{"\u0405ophie Price", "Sophie Price"}, // Ѕ
		{"Sophie Pri\u0441e", "Sophie Price"}, // с
		// Cyrillic small letters
		{"An\u0430 An\u0430lyst", "Ana Analyst"}, // а
		{"Ana Anal\u0443st", "Ana Analyst"},      // у
		{"Otto K\u0435mp", "Otto Kemp"},          // е
		{"Bill R\u043ey", "Bill Roy"},            // о
		{"Sophie \u0420ri\u0441e", "Sophie Price"},
		{"So\u0440hie Price", "Sophie Price"}, // р
		{"B\u0456ll Roy", "Bill Roy"},         // і
		{"Sop\u04bbie Price", "Sophie Price"}, // һ
		// Greek
		{"\u0391na Analyst", "Ana Analyst"},   // Α
		{"\u039Ftto Kemp", "Otto Kemp"},       // Ο
		{"Otto \u039Aemp", "Otto Kemp"},       // Κ
		{"Bill R\u03bfy", "Bill Roy"},         // ο
		{"Sophie \u03a1rice", "Sophie Price"}, // Ρ
		{"Ana \u0391nalyst", "Ana Analyst"},   // Α again, second word
		// fullwidth forms and mathematical letters read as what they
		// show (NFKC): alone they make the same name (NameKey), with a
		// Cyrillic letter beside them a look-alike
		{"\uff21na Analyst", ""},
		{"\uff21na Anal\u0443st", "Ana Analyst"},
		{"Ana \U0001d400nal\u0443st", "Ana Analyst"},
		// characters that show as nothing, and spaces that are not spaces
		{"Ana\u200b Analyst", ""}, // the same name (NameKey): not a look-alike of it
		{"Ana\u200bAnalyst", ""},  // "AnaAnalyst": another name, looks like none known
		{"Ana\u00a0Analyst", ""},  // no-break space: the same name
		{"Ana\u2003Analyst", ""},  // em space: the same name
		{"Ana Analys\u0442", ""},  // т is not t
		// ASCII that reads as other ASCII, case kept: I for l, 0 for O, 1 for l
		{"BiII Roy", "Bill Roy"},
		{"Bi11 Roy", "Bill Roy"},
		{"0tto Kemp", "Otto Kemp"},
		// two letters drawn as one: rn as m, vv as w (and VV as W, case
		// aside), in the report's fonts and at a glance in a terminal's
		{"Otto Kernp", "Otto Kemp"},
		{"Wes Hovve", "Wes Howe"},
		{"VVes Howe", "Wes Howe"},
		{"Otto Kenrp", ""}, // nr is not m
		// cl is not taken for d: in a terminal c and l are two cells
		// apart from d's closed bowl, and Clara is a name of her own
		{"Clara Lee", ""},
		// the same name, differently cased: not a look-alike, the same
		{"ana analyst", ""},
		{"ANA ANALYST", ""},
		// other names
		{"Iris Importer", ""},
		{"Анна Петрова", ""},
	} {
		if got := assess.LooksLike(tc.stated, known...); got != tc.like {
			t.Errorf("LooksLike(%+q) = %q, want %q", tc.stated, got, tc.like)
		}
	}
	// Case aside, a Cyrillic capital imitating a small Latin letter's
	// name is still caught: "аNA ANALYST" reads as "ANA ANALYST", which is
	// Ana Analyst's name.
	if got := assess.LooksLike("\u0430NA ANALYST", known...); got != "Ana Analyst" {
		t.Errorf("a Cyrillic а in a name in capitals: %q", got)
	}
	// Two real names that differ only in case of I and l are different
	// names with different skeletons once folded: Ian is not lan.
	if got := assess.LooksLike("Lan Smith", "Ian Smith"); got != "" {
		t.Errorf("Lan Smith looks like %q", got)
	}
}

// A name is doubted when it holds a character that shows as nothing, or
// a word mixes scripts (UTS #39's mixed-script detection, per word): a
// Latin word with a Cyrillic letter in it. Scripts written together
// (Japanese: Han with kana; Korean: Han with Hangul; Latin with any of
// those) and whole words of different scripts are not doubted.
func TestNameDoubt(t *testing.T) {
	for _, tc := range []struct{ name, doubt string }{
		{"\u0410na Analyst", "it mixes Cyrillic and Latin letters in one word"},
		{"Ana Anal\u0443st", "it mixes Latin and Cyrillic letters in one word"},
		{"\u0391na Analyst", "it mixes Greek and Latin letters in one word"},
		{"Ana\u200bAnalyst", "it holds a character that shows as nothing (U+200B)"},
		{"Ana Analyst\u2060", "it holds a character that shows as nothing (U+2060)"},
		{"Ana Analyst", ""},
		{"Анна Петрова", ""},
		{"Ana Петрова", ""}, // two words, each of one script
		{"山田太郎", ""},
		{"やまだ花子", ""},   // Hiragana with Han
		{"ヤマダ株式会社", ""}, // Katakana with Han
		{"김민준", ""},
		{"Sony株式会社", ""}, // Latin with Han and kana
		{"O'Brien-Łukasz", ""},
		{"François Müller", ""},
		{"Ελένη Παπαδοπούλου", ""},
		{"می\u200cخواهم", ""}, // the Persian non-joiner does visible work
		{"Ａna Analyst", ""},   // fullwidth Latin is Latin; LooksLike catches it
	} {
		if got := assess.NameDoubt(tc.name); got != tc.doubt {
			t.Errorf("NameDoubt(%+q) = %q, want %q", tc.name, got, tc.doubt)
		}
	}
}

// Logins are the server's names, compared byte for byte: "Ana" and
// "ana" are two logins to PostgreSQL, and read as one person to a
// committee reading a trail in which both act. A login that differs
// from another only in case, or by a character that shows as nothing,
// or in a compatibility form, is drawn like it; only the very same
// login is not.
func TestLoginLooksLike(t *testing.T) {
	holders := []string{"ana-1f2e", "bo-77aa", "Otto"}
	for _, tc := range []struct{ login, like string }{
		{"ana-1f2e", ""},               // the login itself
		{"Ana-1f2e", "ana-1f2e"},       // case only
		{"ANA-1F2E", "ana-1f2e"},       // case only, all of it
		{"otto", "Otto"},               // case only, the other way
		{"ana-1f2e\u200b", "ana-1f2e"}, // a character that shows as nothing
		{"\uff41na-1f2e", "ana-1f2e"},  // fullwidth a
		{"\u0430na-1f2e", "ana-1f2e"},  // Cyrillic а, as LooksLike has it
		{"bo-77AA", "bo-77aa"},         // case only, in the suffix
		{"b0-77aa", ""},                // a zero for an o, small: not drawn alike
		{"carla", ""},                  // another login
		{"", ""},                       // no login
		{"ana-1f2e ", "ana-1f2e"},      // a trailing space reads as none
		// escape sequences and line breaks are not drawn (a terminal
		// is never sent them): what is left reads as bo's login
		{"\x1b[2Jbo-77aa\n\x1b]0;x\x07", "bo-77aa"},
	} {
		if got := assess.LoginLooksLike(tc.login, holders...); got != tc.like {
			t.Errorf("LoginLooksLike(%+q) = %q, want %q", tc.login, got, tc.like)
		}
	}
	// A name of a person (key trust, a file's exporter) keeps its rule:
	// the same name in other case is that person's.
	if got := assess.LooksLike("Ana-1f2e", holders...); got != "" {
		t.Errorf("LooksLike(Ana-1f2e) = %q: a person's name in other case is the same name", got)
	}
}

// What follows "and is not that login": NameDoubt's words first, else
// that only case tells the two apart, else nothing.
func TestLikenessWhy(t *testing.T) {
	for _, tc := range []struct{ name, like, why string }{
		{"Ana", "ana", "it differs from it only in case"},
		{"\u0430na", "ana", "it mixes Cyrillic and Latin letters in one word"},
		{"Ana\u200b", "ana", "it holds a character that shows as nothing (U+200B)"},
		{"\x1b[2Jbo\n", "bo", "it holds a control character (U+001B), which is not drawn"},
		{"arnie", "amie", ""},
		{"ana", "ana", ""},
	} {
		if got := assess.LikenessWhy(tc.name, tc.like); got != tc.why {
			t.Errorf("LikenessWhy(%+q, %q) = %q, want %q", tc.name, tc.like, got, tc.why)
		}
	}
}

// What verify adds to a role granted outside assay whose login is drawn
// like another holder's: whom, what that one holds, and why.
func TestLooksLikeHolder(t *testing.T) {
	holders := map[string][]string{"ana": {"analyst", "approver"}, "Ana": {"approver"}, "bo": {"analyst"}}
	for _, tc := range []struct{ login, want string }{
		{"Ana", "it looks like ana, who holds the analyst and approver roles, and is not that login: it differs from it only in case"},
		{"b\u043e", "it looks like bo, who holds the analyst role, and is not that login: it mixes Latin and Cyrillic letters in one word"},
		{"bo", ""},
		{"carla", ""},
	} {
		if got := assess.LooksLikeHolder(tc.login, holders); got != tc.want {
			t.Errorf("LooksLikeHolder(%+q) = %q, want %q", tc.login, got, tc.want)
		}
	}
}
