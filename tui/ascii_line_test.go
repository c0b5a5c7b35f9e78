package tui

import "testing"

// Accessible mode's lines in ASCII: glyphs as the words the command line
// uses (an ellipsis is three dots, an arrow two characters), typography
// as its ASCII mark, and one ? for each character ASCII lacks, a
// Japanese one or an accented letter with its combining mark alike.
func TestAsciiLine(t *testing.T) {
	for in, want := range map[string]string{
		"owner: unassigned → Sam":          "owner: unassigned -> Sam",
		"Acme Cloud Ltd…":                  "Acme Cloud Ltd...",
		"score ≥ 3 · “quoted” — dash":      `score >= 3 | "quoted" - dash`,
		"東京 Café Zoe\u0308":                "?? Caf? Zo?",
		"plain ASCII stays as it is":       "plain ASCII stays as it is",
		"emoji \U0001F469\u200d\U0001F4BB": "emoji ?",
	} {
		if got := asciiLine(in); got != want {
			t.Errorf("asciiLine(%q) = %q, want %q", in, got, want)
		}
	}
}
