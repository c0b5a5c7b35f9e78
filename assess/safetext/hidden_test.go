package safetext

import "testing"

// Shown, a name drops what shows as nothing and keeps the joiners and
// selectors that change what is drawn.
func TestOneLineDropsOnlyWhatShowsAsNothing(t *testing.T) {
	for in, want := range map[string]string{
		"Ac\u200bme Cloud":           "Acme Cloud",
		"Procure\u00adment":          "Procurement",
		"\ufeffAcme \u2060 Ltd":      "Acme Ltd",
		"\u0645\u06cc\u200c\u062e":   "\u0645\u06cc\u200c\u062e", // Persian mi-kh with its non-joiner
		"Care \u2764\ufe0f":          "Care \u2764\ufe0f",
		"\U0001f469\u200d\U0001f4bb": "\U0001f469\u200d\U0001f4bb",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q; want %q", in, got, want)
		}
	}
}
