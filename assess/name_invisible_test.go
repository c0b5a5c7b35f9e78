package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A name with a character nobody sees in it ("Ac<ZWSP>me") reads as
// another name ("Acme") in every list and report: a second vendor that
// looks like the first. Such characters are refused as bidi controls
// are, naming the character and where it is; the joiners that shape a
// Persian or Indic name, or join an emoji, are kept where they do so.
func TestCleanNameRefusesInvisibleCharacters(t *testing.T) {
	for _, tc := range []struct{ name, says string }{
		{"Ac\u200bme", "subject holds an invisible character (U+200B) at character 3: a name holds only characters that can be seen"},
		{"Ac\u200cme", "subject holds an invisible character (U+200C) at character 3: a name holds only characters that can be seen"},
		{"Ac\u200dme", "subject holds an invisible character (U+200D) at character 3: a name holds only characters that can be seen"},
		{"Acme\u2060", "subject holds an invisible character (U+2060) at character 5: a name holds only characters that can be seen"},
		{"\ufeffAcme", "subject holds an invisible character (U+FEFF) at character 1: a name holds only characters that can be seen"},
		{"Ac\u00adme", "subject holds an invisible character (U+00AD) at character 3: a name holds only characters that can be seen"},
		{"Acme\U000E0041", "subject holds an invisible character (U+E0041) at character 5: a name holds only characters that can be seen"},
		{"Acme\u3164", "subject holds an invisible character (U+3164) at character 5: a name holds only characters that can be seen"},
		{"Acme\u180e", "subject holds an invisible character (U+180E) at character 5: a name holds only characters that can be seen"},
		{"Acme\ufe0f", "subject holds an invisible character (U+FE0F) at character 5: a name holds only characters that can be seen"},
		{"\u200cمی", "subject holds an invisible character (U+200C) at character 1: a name holds only characters that can be seen"},
		{"می\u200c", "subject holds an invisible character (U+200C) at character 3: a name holds only characters that can be seen"},
		{"می\u200c\u200cخواهم", "subject holds an invisible character (U+200C) at character 3: a name holds only characters that can be seen"},
	} {
		if _, err := assess.CleanName("subject", tc.name); err == nil || err.Error() != tc.says {
			t.Errorf("%+q: %v\nwant %s", tc.name, err, tc.says)
		}
	}
	for _, ok := range []string{
		"می\u200cخواهم",                     // Persian: the non-joiner keeps two letters apart
		"क्\u200dष Ltd",                     // Devanagari: the joiner shapes a half form after the virama
		"\U0001F469\u200d\U0001F4BB Studio", // an emoji sequence (woman technologist)
		"\u2764\ufe0f Care",                 // an emoji in colour
		"葛\U000E0100飾区",                     // an ideographic variation selector
		"Acme Ltd",
	} {
		if got, err := assess.CleanName("subject", ok); err != nil || got != ok {
			t.Errorf("%+q: %q, %v", ok, got, err)
		}
	}
}
