package wraptext

import (
	"strings"
	"testing"
)

// Wrapping breaks at spaces, never inside a date or an ID with hyphens,
// and breaks a word only when it is longer than a line.
func TestWrapKeepsHyphenatedWordsWhole(t *testing.T) {
	got := Wrap("From #1 Payroll system · Every question type 1.0.0 · 2026-03-31 · draft", 58)
	if want := "From #1 Payroll system · Every question type 1.0.0 ·\n2026-03-31 · draft"; got != want {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	got = Wrap("see transfer-safeguards and averyveryverylongwordthatcannotfit", 20)
	for _, l := range strings.Split(got, "\n") {
		if len([]rune(l)) > 20 {
			t.Errorf("line %q is longer than 20", l)
		}
	}
	if !strings.Contains(got, "transfer-safeguards") {
		t.Errorf("the ID was broken: %q", got)
	}
	// A non-breaking hyphen of the text's own stays what it was.
	if got := Wrap("a\u2011b c", 3); !strings.Contains(got, "a\u2011b") {
		t.Errorf("the text's own non-breaking hyphen changed: %q", got)
	}
}
