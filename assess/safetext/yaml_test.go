package safetext

import "testing"

// QuoteYAML leaves nothing in a value that a terminal or an editor acts
// on, and nothing that ends the scalar.
func TestQuoteYAML(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                        `"plain"`,
		`say "no" \ ok`:                `"say \"no\" \\ ok"`,
		"line\nnext\ttab":              `"line\nnext\ttab"`,
		"\x1b[31m\u009b2J\u0085":       `"\u001b[31m\u009b2J\u0085"`,
		"\u202eRTL\u202c \u2028\ufeff": `"\u202eRTL\u202c \u2028\ufeff"`,
		"café & <b>":                   `"café & <b>"`,
	} {
		if got := QuoteYAML(in); got != want {
			t.Errorf("QuoteYAML(%q) = %s, want %s", in, got, want)
		}
	}
}
