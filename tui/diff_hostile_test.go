package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Compare as a hostile tester would feed it: a subject, a questionnaire
// title and a text answer carrying escape sequences (a screen clear, a
// hyperlink, a bell) and bidi overrides, a note of 500 characters, a
// prohibited practice on the later side, and two questionnaire versions
// where the later renamed a question. At every width from 20 to 120
// nothing of the escapes or overrides reaches the screen, every line
// fits, the note is told to its end, the renamed question is matched
// under its old ID and the later side says the system must not be used.
func TestCompareOfHostileTextStaysTextAndFits(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "questionnaires", "builtin", "fairness-aia.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	parse := func(name, src string) *assess.Questionnaire {
		q, problems := questionnaires.Parse(name, []byte(src), questionnaires.Catalog())
		if len(problems) > 0 {
			t.Fatal(name, problems)
		}
		return q
	}
	const asked = "      - id: system-description\n"
	// Last year's version asked it as description, under a title that
	// carries a hyperlink and an override; this year's renamed it.
	older := strings.Replace(strings.Replace(string(src), asked, "      - id: description\n", 1), "\nversion: \"2.11.0\"\n", "\nversion: \"2.0.0\"\n", 1)
	older = strings.Replace(older, "\ntitle: Fairness and algorithmic impact assessment\n",
		"\ntitle: \"\\e]8;;https://evil.example\\aOld\\e]8;;\\a \\u202etitle\\u202c\"\n", 1)
	if !strings.Contains(string(src), asked) || older == string(src) {
		t.Fatal("fairness-aia no longer reads as this test edits it")
	}
	q := parse("fairness-aia.yaml", strings.Replace(string(src), asked, asked+"        replaces: [description]\n", 1))
	oldQ := parse("fairness-aia-2.0.0.yaml", older)
	hostile := "Scores \x1b[2J\x1b]0;pwned\x07agents \u202eevil\u202c \u2066iso\u2069 calls"
	note := strings.Repeat("checked by legal ", 29) + "end of note" // 504 characters
	day := assess.NewDate(2026, 3, 1)
	from := &assess.Assessment{ID: 1, Subject: "Emotion \x1b[31mscores\u202e", Questionnaire: oldQ, AssessedOn: day.AddDays(-365),
		Answers: assess.Answers{"description": {QuestionID: "description", Value: assess.Value{Text: hostile}, Note: note}}}
	to := &assess.Assessment{ID: 2, Subject: from.Subject, Questionnaire: q, AssessedOn: day, Status: assess.Rejected,
		Answers: assess.Answers{
			"system-description": {QuestionID: "system-description", Value: assess.Value{Text: "Agent emotion scores"}},
			"ai-act-class":       {QuestionID: "ai-act-class", Value: assess.Value{Choices: []string{"prohibited"}}},
		}}
	d := assess.Compare(assess.Evaluate(from, day), assess.Evaluate(to, day))
	for width := 20; width <= 120; width++ {
		text := ansi.Strip(diffText(newStyles(true), d, width))
		if strings.ContainsAny(text, "\x1b\x07\u202e\u202c\u2066\u2069") || strings.Contains(text, "evil.example") {
			t.Fatalf("width %d: an escape sequence or override reaches the screen:\n%q", width, text)
		}
		for _, line := range strings.Split(text, "\n") {
			if w := lipgloss.Width(line); w > width {
				t.Errorf("width %d: a line of %d cells: %q", width, w, line)
			}
		}
		// Read without spaces: a word wider than a narrow column is broken.
		flat := strings.Join(strings.Fields(text), "")
		for _, want := range []string{
			"To #2 Emotion scores · ", "· 2026-03-01 · rejected, must not be used",
			"system-description (renamed from description)", "Scores agents evil iso calls → Agent emotion scores",
			"checked by legal end of note → (none)",
		} {
			if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
				t.Errorf("width %d: %q is not told:\n%s", width, want, text)
				break
			}
		}
	}
}
