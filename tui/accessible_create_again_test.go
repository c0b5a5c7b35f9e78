package tui_test

import (
	"strings"
	"testing"
)

// A screen-reader user creating an assessment on a call pastes the
// vendor's name from an e-mail, escape sequence and all, or mistypes the
// questionnaire's number. The refusal sent them back to the whole list
// (read out again) and the questionnaire chosen was lost: n, the number
// and the name typed again. Each is now asked again, saying why, with
// what was typed before it standing, as the subject's kind is.
func TestAccessibleNewAssessmentAsksAgainWhatItRefuses(t *testing.T) {
	e := newEnv(t)
	text := e.accessible("n\n99\n8\nBeta\x1b[31m Corp\nBeta Corp\n\nq\nq\n")
	if strings.Contains(text, "Not created") {
		t.Errorf("a refusal went back to the list:\n%s", text)
	}
	for _, want := range []string{
		"There is no questionnaire 99.\nType the questionnaire's number, or b to go back to the list:",
		"Not taken: subject holds an escape sequence (ESC) at character 5: a name is one line of plain text.\n" +
			"Subject, the vendor, system or dataset assessed, or press Enter alone to go back to the list:",
		"Created assessment 1, a new ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "Type the questionnaire's number"); n != 2 {
		t.Errorf("the questionnaire's number was asked %d times, want twice:\n%s", n, text)
	}
	if got := e.load(1).Subject; got != "Beta Corp" {
		t.Errorf("created for %q", got)
	}
}
