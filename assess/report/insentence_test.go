package report

import "testing"

// The decision sentence names the outcome level's title in lower case,
// keeping an acronym: "at the DPIA outcome level", not "dpia outcome".
func TestInSentenceKeepsAcronyms(t *testing.T) {
	for title, want := range map[string]string{
		"Overall risk":    "overall risk",
		"DPIA outcome":    "DPIA outcome",
		"AI impact level": "AI impact level",
		"Ésito":           "ésito",
		"X":               "x",
		"":                "",
	} {
		if got := inSentence(title); got != want {
			t.Errorf("inSentence(%q) = %q, want %q", title, got, want)
		}
	}
}
