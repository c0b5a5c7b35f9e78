package tui_test

import (
	"strings"
	"testing"
)

// Accessible mode's trail is not read out whole unasked: 5 says whether
// it verifies and how many records it holds, then a question's ID reads
// that question's records, f and words the records that hold them (as /
// keeps them in the workspace), a every record; what matches nothing
// says so, and b goes back to the assessment's choices.
func TestAccessibleTrailFilter(t *testing.T) {
	e := trailEnv(t)
	out := e.accessible(lines("1", "b", "5", "mfa", "f SAM lee", "f zzz", "f", "nope", "b", "q"))
	i := strings.Index(out, "Audit trail verified (as assay verify checks it): 3 records.\n")
	if i < 0 {
		t.Fatalf("no verdict:\n%s", out)
	}
	out = out[i:]
	prompt := "Type a to hear every record, a question's ID to hear its records, f and words to hear the records that hold them (a person, a date, any text), b to go back to assessment 1's choices, q to quit:\n"
	for _, want := range []string{
		"Audit trail verified (as assay verify checks it): 3 records.\n" + prompt + "Records about question mfa: 2 of 3.\n#2  ",
		"    answer set: mfa\n    answer: No\n#3  ",
		prompt + "Records that hold \"SAM lee\": 1 of 3.\n#3  ",
		prompt + "No record holds \"zzz\".\n" + prompt,
		"Type f and the words to look for, as in: f Sam Lee.\n" + prompt,
		"Assessment 1 has no question nope, and no record names one.\n" + prompt,
		prompt + "\nAssessment 1, Acme Cloud Ltd, draft.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	if strings.Count(out, "assessment created") != 0 {
		t.Errorf("the whole trail was read unasked:\n%s", out)
	}
}

// What a listener types at the trail's prompt as a careless or hostile
// user would: a question's ID in capitals (caps lock, a braille display)
// reads that question's records, not "No record is about question MFA";
// words with an escape sequence in them are looked for as they are read
// back ("Sam", which has records), not with the escape, which matched
// nothing under a name that does; an ID the assessment has no question
// for says so rather than that nobody touched it (as assay history
// --question refuses it); the input ending at the prompt leaves as q.
func TestAccessibleTrailCarelessInput(t *testing.T) {
	e := trailEnv(t)
	out := e.accessible(lines("1", "b", "5", "MFA", "f \x1b[31mSAM", "nope", "Mfa-"))
	out = out[strings.Index(out, "Audit trail verified"):]
	prompt := "Type a to hear every record, a question's ID to hear its records, f and words to hear the records that hold them (a person, a date, any text), b to go back to assessment 1's choices, q to quit:\n"
	for _, want := range []string{
		prompt + "Records about question mfa: 2 of 3.\n#2  ",
		prompt + "Records that hold \"SAM\": 1 of 3.\n#3  ",
		prompt + "Assessment 1 has no question nope, and no record names one.\n" + prompt,
		prompt + "Assessment 1 has no question Mfa-, and no record names one.\n" + prompt + "\nInput ended",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape sequence typed was read back:\n%q", out)
	}
}

// docs/accessibility.md: the trail's a and f are taken in capitals too,
// as every single-letter command is (caps lock, a braille display): A
// reads every record, F and words the records that hold them, and F
// alone asks for the words.
func TestAccessibleTrailLettersInCapitals(t *testing.T) {
	e := trailEnv(t)
	out := e.accessible(lines("1", "b", "5", "A", "F SAM lee", "F", "B", "q"))
	out = out[strings.Index(out, "Audit trail verified"):]
	prompt := "Type a to hear every record, a question's ID to hear its records, f and words to hear the records that hold them (a person, a date, any text), b to go back to assessment 1's choices, q to quit:\n"
	for _, want := range []string{
		prompt + "Audit trail verified (as assay verify checks it): 3 records.\n\n#1  ",
		prompt + "Records that hold \"SAM lee\": 1 of 3.\n#3  ",
		"Type f and the words to look for, as in: f Sam Lee.\n" + prompt,
		prompt + "\nAssessment 1, Acme Cloud Ltd, draft.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	if strings.Count(out, "assessment created") != 1 {
		t.Errorf("A did not read the whole trail once:\n%s", out)
	}
}
