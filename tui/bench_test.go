package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/tui"
)

// memRepo keeps one assessment in memory, so the benchmark measures the
// interface and not the disk.
type memRepo struct{ a *assess.Assessment }

func (m *memRepo) CreateAssessment(context.Context, *assess.Assessment) error { return nil }
func (m *memRepo) Assessment(context.Context, int64) (*assess.Assessment, error) {
	return m.a, nil
}
func (m *memRepo) Assessments(context.Context, assess.Filter) ([]*assess.Assessment, error) {
	return []*assess.Assessment{m.a}, nil
}
func (m *memRepo) SaveAnswer(context.Context, int64, assess.Answer) error    { return nil }
func (m *memRepo) SaveAnswers(context.Context, int64, []assess.Answer) error { return nil }
func (m *memRepo) ReplaceAnswers(context.Context, int64, []assess.Answer, assess.Answers) error {
	return nil
}
func (m *memRepo) ChangePlanItem(context.Context, int64, string, assess.PlanChange, assess.Date) (assess.PlanEdit, bool, error) {
	return assess.PlanEdit{}, false, nil
}
func (m *memRepo) SetArchived(context.Context, int64, bool) error { return nil }
func (m *memRepo) StartedWithOtherContent(context.Context, *assess.Questionnaire) ([]int64, error) {
	return nil, nil
}

// bigQuestionnaire has n control questions in sections of 25, every
// third one shown only when the one before it is not "no".
func bigQuestionnaire(b *testing.B, n int) *assess.Questionnaire {
	var y strings.Builder
	y.WriteString("id: big\nversion: \"1\"\ntitle: Big\nkind: security\ndimensions:\n  - {id: risk, title: Risk, higher: worse}\n")
	y.WriteString("levels:\n  - id: overall\n    dimension: risk\n    bands:\n      - {level: low, upto: 50%}\n      - {level: high, over: 50%}\noutcome: overall\nsections:\n")
	for i := 0; i < n; i++ {
		if i%25 == 0 {
			fmt.Fprintf(&y, "  - id: s%d\n    title: Section %d\n    questions:\n", i/25, i/25)
		}
		fmt.Fprintf(&y, "      - id: q%d\n        type: control\n        text: Is control %d in place?\n        severity: medium\n        action: Put control %d in place.\n", i, i, i)
		if i%3 == 2 {
			fmt.Fprintf(&y, "        when: q%d != 'no'\n", i-1)
		}
	}
	q, err := questionnaires.Decode("big.yaml", []byte(y.String()))
	if err != nil {
		b.Fatal(err)
	}
	return q
}

// One keystroke (Update and View) in a 500-question interview with half
// the questions answered. Target: under 1 ms.
func BenchmarkInterviewKeystroke(b *testing.B) {
	q := bigQuestionnaire(b, 500)
	a := &assess.Assessment{ID: 1, Subject: "Bench", Questionnaire: q, AssessedOn: testToday, Answers: assess.Answers{}}
	for i, qq := range q.Questions {
		if i%2 == 0 {
			a.Answers[qq.ID] = assess.Answer{QuestionID: qq.ID, Value: assess.Value{Choices: []string{"yes"}}}
		}
	}
	d := tui.Deps{Repo: &memRepo{a: a}, Questionnaires: []*assess.Questionnaire{q}, Today: func() assess.Date { return testToday }}
	var m tea.Model = tui.New(d)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(drain(tui.OpenForTest(d, 1)))
	keys := []tea.KeyPressMsg{keyMsg("down"), keyMsg("1"), keyMsg("right"), keyMsg("left")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, _ = m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}

func drain(cmd tea.Cmd) tea.Msg { return cmd() }
