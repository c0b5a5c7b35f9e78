package tui_test

import (
	"strings"
	"testing"
)

// A screen-reader user hears the questionnaires once, as a numbered list,
// and types a number: the line that says the assessment was created
// names the questionnaire and the subject, so that a number mistyped is
// heard before the first question, not found out from the questions (it
// said only "Created assessment 1."). What it names is what the list
// said that number was, and what was created.
func TestAccessibleCreatedSaysWhichQuestionnaire(t *testing.T) {
	e := newEnv(t)
	text := e.accessible("n\n3\nAcme Cloud Ltd\n\nq\nq\n")
	var title string
	for _, line := range strings.Split(text, "\n") {
		if t, ok := strings.CutPrefix(line, "3. "); ok {
			title = strings.TrimSuffix(t, ".")
		}
	}
	if title == "" {
		t.Fatalf("no questionnaire 3 in the list:\n%s", text)
	}
	if want := "Created assessment 1, a new " + title + " of Acme Cloud Ltd.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if got := e.load(1).Questionnaire.Title; got != title {
		t.Errorf("created a %q, the list's number 3 is %q", got, title)
	}
}
