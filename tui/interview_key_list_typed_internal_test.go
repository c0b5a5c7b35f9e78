package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// The ? key list said ↑/↓ move to the previous and next option on every
// question; on a question whose answer is typed (a text, a number, a
// date) they scroll the answer shown whole, as the keys line under it
// says, and there are no options to pick or tick. The list now says
// what the keys do on the question shown.
func TestInterviewKeyListSaysWhatTheKeysDoOnTheQuestionShown(t *testing.T) {
	for _, c := range []struct {
		question    string
		want, wrong []string
	}{
		{"mfa", []string{"previous option", "next option", "pick option", "tick (multiple choice)", "answer"},
			[]string{"scroll the answer"}},
		{"purpose", []string{"scroll the answer up", "scroll the answer down", "type an answer"},
			[]string{"previous option", "next option", "pick option", "tick (multiple"}},
		{"records", []string{"scroll the answer up", "scroll the answer down", "type an answer", "start typing the answer"},
			[]string{"previous option", "next option", "pick option", "tick (multiple"}},
		{"breach", []string{"previous row", "next row", "rate the row", "type the measures"},
			[]string{"previous option", "next option", "pick option", "tick (multiple", "scroll the answer"}},
	} {
		t.Run(c.question, func(t *testing.T) {
			m := New(Deps{Repo: planDayRepo{savedOn: &[]assess.Date{}}, Today: func() assess.Date { return shortToday }, Actor: "Dana Reyes"})
			step := func(msg tea.Msg) {
				next, _ := m.Update(msg)
				m = next.(Model)
			}
			step(tea.WindowSizeMsg{Width: 120, Height: 40})
			m.sh.loads = 1
			a := &assess.Assessment{ID: 1, Subject: "Payroll", Questionnaire: parsed(t, "all-types.yaml"), AssessedOn: shortToday, Answers: assess.Answers{
				// Answered, as a blank text question opens its field to type in.
				"purpose": {QuestionID: "purpose", Value: assess.Value{Text: "Paying staff"}, Source: assess.ByAnalyst, Reviewed: true},
			}}
			step(assessmentLoadedMsg{a: a, open: viewInterview, req: 1})
			for range a.Questionnaire.Questions {
				if iv, ok := m.cur.(*interview); !ok || iv.q().ID == c.question {
					break
				}
				step(tea.KeyPressMsg{Code: tea.KeyRight})
			}
			if iv, ok := m.cur.(*interview); !ok || iv.q().ID != c.question {
				t.Fatalf("never came to question %s (on %T)", c.question, m.cur)
			}
			step(keyOf("?"))
			list := strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " ")
			if !strings.Contains(list, "Keys on this screen") {
				t.Fatalf("? did not show the key list:\n%s", list)
			}
			for _, w := range c.want {
				if !strings.Contains(list, w) {
					t.Errorf("on %s the key list does not say %q:\n%s", c.question, w, list)
				}
			}
			for _, w := range c.wrong {
				if strings.Contains(list, w) {
					t.Errorf("on %s the key list says %q, which is not what the keys do there:\n%s", c.question, w, list)
				}
			}
		})
	}
}
