package tui_test

import (
	"strings"
	"testing"
)

// An empty line at a typed question (number, date, text) saves nothing
// and says so: it used to say "Saved." and ask the same question again,
// as it had stored an empty answer.
func TestAccessibleEmptyLineIsNotSaidSaved(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	// Skipped to the text question, then an empty line.
	text := e.accessible("1\ns\ns\ns\ns\ns\ns\n\nq\n")
	if !strings.Contains(text, "What is the service for?") || strings.Contains(text, "Saved.") {
		t.Errorf("an empty line was said to be saved:\n%s", text)
	}
	if want := "Nothing was typed: type an answer, or s to skip.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if got := e.load(1).Answers; len(got) != 0 {
		t.Errorf("answers stored: %v", got)
	}
}

// A scale's labelled points are said with its range, as the workspace
// shows them beside the numbers: "from 1 to 5" alone left a listener to
// guess which end is good.
func TestAccessibleScaleSaysItsLabels(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	text := e.accessible("1\ns\ns\ns\nq\n")
	if want := "Type a whole number from 1 to 5: 1 Ad hoc, 5 Optimised.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
}

// A refused answer, a note or evidence leave the person at the same
// question: the prompt alone is asked again, not the question, its
// guidance and its options, which a screen reader read out in full after
// every typing mistake. r reads the question again.
func TestAccessibleAsksAgainWithoutRepeatingTheQuestion(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	text := e.accessible("1\n7\nnote: seen it\nr\n1\nq\n")
	if n := strings.Count(text, "Is multi-factor authentication enforced?"); n != 2 {
		t.Errorf("the question was read %d times, want twice (asked, then r):\n%s", n, text)
	}
	if n := strings.Count(text, "Guidance: Good evidence is the identity provider's policy export."); n != 2 {
		t.Errorf("the guidance was read %d times, want twice:\n%s", n, text)
	}
	for _, want := range []string{
		"Not saved: type a number from 1 to 4.\nAnswer, or r to hear the question again, s to skip, b to go back to assessment 1's choices, q to quit:\n",
		"Saved.\nAnswer, or r to hear the question again",
		"Where is the service hosted?",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got := e.load(1).Answers["mfa"]; got.Note != "seen it" || len(got.Value.Choices) != 1 {
		t.Errorf("mfa stored as %+v", got)
	}
}

// The prompts for a new assessment say how to go back, and b goes back
// to the list: q at the questionnaire's number was refused as "no
// questionnaire q", and an empty subject as a missing one.
func TestAccessibleNewAssessmentCanGoBack(t *testing.T) {
	e := newEnv(t)
	text := e.accessible("n\nb\nn\n1\n\nq\n")
	for _, want := range []string{
		"Type the questionnaire's number, or b to go back to the list:",
		"Subject, the vendor, system or dataset assessed, or press Enter alone to go back to the list:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Not created") {
		t.Errorf("going back was refused:\n%s", text)
	}
	if n := strings.Count(text, "Assessments: 0."); n != 3 {
		t.Errorf("the list was said %d times, want 3 (start, after b, after an empty subject):\n%s", n, text)
	}
}

// A choice refused says what to type in the numbers the person typed,
// not in the questionnaire's inner names ("question mfa (control) takes
// exactly one of: yes, partial, no, na", "option \"contact\" is chosen
// twice", "\"none\" cannot be combined"), which a listener never heard.
func TestAccessibleChoiceErrorsSpeakInNumbers(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	text := e.accessible("1\n1,2\n1\n1\n1,1\n3,1\nq\n")
	for _, want := range []string{
		"Not saved: type one number from 1 to 4.\n",
		"Not saved: 1 is typed twice; type each number once.\n",
		"Not saved: 3 None of these goes alone; type 3 by itself, or the others without it.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	for _, inner := range []string{"question mfa", `"contact"`, `"none"`} {
		if strings.Contains(text, inner) {
			t.Errorf("accessible output names %s:\n%s", inner, text)
		}
	}
}

// A rating out of the matrix is refused in the words of the prompt, and
// 0 (no rating) is refused rather than said to be saved: "0 0" said
// "Saved." and stored an unrated answer, and the question came again.
func TestAccessibleRiskOutOfRangeIsRefusedPlainly(t *testing.T) {
	e, a := payrollButTheRisk(t)
	out := runAccessible(t, e, "1\n0 0\n5 1\n1 2 3 9\nq\n")
	for _, want := range []string{
		"Not saved: type the likelihood and the impact as found, each from 1 to 4.\n",
		"Not saved: type the likelihood and the impact after measures, each from 1 to 4.\n",
	} {
		if n := strings.Count(out, want); n < 1 {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Saved.") || strings.Contains(out, "risk breach") {
		t.Errorf("an out-of-range rating was saved, or refused by its ID:\n%s", out)
	}
	if _, ok := e.load(a.ID).Answers["breach"]; ok {
		t.Errorf("breach stored")
	}
}

// A subject kind mistyped asks for the kind again, rather than dropping
// the questionnaire and subject already typed.
func TestAccessibleMistypedKindIsAskedAgain(t *testing.T) {
	e := newEnv(t)
	text := e.accessible("n\n1\nPayroll\nfoo\nvendor\nq\nq\n")
	if want := "There is no kind foo.\nIs it a vendor, a system or a dataset? Type one word, or press enter for system:\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if !strings.Contains(text, "Created assessment 1, a new ") || e.load(1).SubjectKind != "vendor" {
		t.Errorf("the kind typed again did not count:\n%s", text)
	}
}

// A number out of range is refused in the prompt's words, without the
// question's ID, and the prompt names the unit counted.
func TestAccessibleNumberSaysItsUnitAndRange(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	text := e.accessible("1\ns\ns\ns\ns\n-5\n1.5\nq\n")
	for _, want := range []string{
		"Type a whole number of 0 or more, in records.\n",
		"Not saved: type a whole number of 0 or more, not -5.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "question records") {
		t.Errorf("a number was refused by its question's ID:\n%s", text)
	}
}

// The result said when no question is left is one block: it ended with
// two empty lines, read out as pauses, before the list.
func TestAccessibleResultHasNoDoubleBlankLines(t *testing.T) {
	e, _ := payrollButTheRisk(t)
	out := runAccessible(t, e, "1\n1 2\nq\n")
	if !strings.Contains(out, "No more questions to ask.") || strings.Contains(out, "\n\n\n") {
		t.Errorf("accessible output has two empty lines in a row:\n%q", out)
	}
}
