package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// The interview's footer at 80 columns showed the key that answers,
// → and ← and ? keys, and no longer had room for "i question help",
// which only the ? list named. The footer now names the keys in the
// order a person needs them (interviewKeys.onQuestion says why), so at
// 80 columns every type of question names the key that answers, the
// way on, the question's help and the list of the rest; at 60 the help
// gives way (the question says "i shows guidance" where there is some).
// A text question not answered yet opens its field to type in; its
// footer names how to save and how to leave the field at both widths.
func TestInterviewFooterNamesTheKeysNeededFirstOnEveryQuestionType(t *testing.T) {
	answered := assess.Answers{
		"purpose": {QuestionID: "purpose", Value: assess.Value{Text: "Paying staff"}, Source: assess.ByAnalyst, Reviewed: true},
	}
	for _, c := range []struct {
		question, kind string
		answers        assess.Answers
		at80, at60     []string
	}{
		{"mfa", "control", answered,
			[]string{"enter answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter answer", "→/l next question", "? keys"}},
		{"hosting", "single choice", answered,
			[]string{"enter answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter answer", "→/l next question", "? keys"}},
		{"data", "multiple choice", answered,
			[]string{"enter answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter answer", "→/l next question", "? keys"}},
		{"staff", "scale", answered,
			[]string{"enter answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter answer", "→/l next question", "? keys"}},
		{"records", "number", answered,
			[]string{"enter type an answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter type an answer", "→/l next question", "? keys"}},
		{"pentest", "date", answered,
			[]string{"enter type an answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter type an answer", "→/l next question", "? keys"}},
		{"purpose", "text answered", answered,
			[]string{"enter type an answer", "→/l next question", "i question help", "? keys"},
			[]string{"enter type an answer", "→/l next question", "? keys"}},
		{"purpose", "text being typed", assess.Answers{},
			[]string{"enter save, next question", "esc stop typing"},
			[]string{"enter save, next question", "esc stop typing"}},
		{"breach", "risk", answered,
			[]string{"1-9 rate the row", "→/l next question", "i question help", "? keys"},
			[]string{"1-9 rate the row", "→/l next question", "? keys"}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			for _, size := range []struct {
				w    int
				want []string
			}{{80, c.at80}, {60, c.at60}} {
				footer := interviewFooterOn(t, c.question, c.answers, size.w)
				if w := ansi.StringWidth(footer); w > size.w {
					t.Errorf("at %d columns the footer on %s is %d columns wide: %q", size.w, c.question, w, footer)
				}
				for _, want := range size.want {
					if !strings.Contains(footer, want) {
						t.Errorf("at %d columns the footer on the %s question %s is %q; it does not name %q", size.w, c.kind, c.question, footer, want)
					}
				}
			}
		})
	}
}

// interviewFooterOn is the footer's bottom line, without its colours,
// on the question id of all-types.yaml reached with → from the first,
// at w columns.
func interviewFooterOn(t *testing.T, id string, answers assess.Answers, w int) string {
	t.Helper()
	m := New(Deps{Repo: planDayRepo{savedOn: &[]assess.Date{}}, Today: func() assess.Date { return shortToday }, Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(tea.WindowSizeMsg{Width: w, Height: 24})
	m.sh.loads = 1
	a := &assess.Assessment{ID: 1, Subject: "Payroll", Questionnaire: parsed(t, "all-types.yaml"), AssessedOn: shortToday, Answers: answers}
	step(assessmentLoadedMsg{a: a, open: viewInterview, req: 1})
	for range a.Questionnaire.Questions {
		iv, ok := m.cur.(*interview)
		if !ok || iv.q().ID == id {
			break
		}
		if iv.editing != editNone {
			step(tea.KeyPressMsg{Code: tea.KeyEscape}) // a blank text question types on arrival
		}
		step(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	if iv, ok := m.cur.(*interview); !ok || iv.q().ID != id {
		t.Fatalf("never came to question %s (on %T)", id, m.cur)
	}
	ls := strings.Split(strings.TrimRight(ansi.Strip(m.View().Content), "\n"), "\n")
	return strings.TrimRight(ls[len(ls)-1], " ")
}
