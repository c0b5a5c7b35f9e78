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

// A level's reason starts a sentence of its own in the report's list of
// levels: "the highest risk as found is …" read in lower case there.
func TestAsSentence(t *testing.T) {
	for in, want := range map[string]string{
		"the highest risk as found is R1": "The highest risk as found is R1",
		"Control risk scores 3":           "Control risk scores 3",
		"élan":                            "Élan",
		"":                                "",
	} {
		if got := asSentence(in); got != want {
			t.Errorf("asSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
