package tui

import (
	"context"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// countsCreates is a store that counts the assessments it is asked to
// create.
type countsCreates struct {
	assess.Repository
	mu sync.Mutex
	n  int
}

func (r *countsCreates) CreateAssessment(context.Context, *assess.Assessment) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	return nil
}

func (r *countsCreates) StartedWithOtherContent(context.Context, *assess.Questionnaire) ([]int64, error) {
	return nil, nil
}

// enter pressed again on the new-assessment form, before the store has
// said the assessment is created (a key held a moment, a double press),
// submitted the form again: the same subject was created twice. The
// form is submitted once; a refusal gives a new form to submit again.
func TestEnterAgainOnTheNewAssessmentFormCreatesOnce(t *testing.T) {
	sh := typeAheadShell(t, typeAheadPayroll(t))
	repo := &countsCreates{}
	sh.deps.Repo = repo
	sh.deps.Questionnaires = []*assess.Questionnaire{parsed(t, "all-types.yaml")}
	s, _ := newCreate(sh, createFor{})
	var cmds []tea.Cmd
	press := func(k tea.KeyPressMsg) {
		var cmd tea.Cmd
		s, cmd = s.Update(k)
		cmds = append(cmds, cmd)
	}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	press(enter) // the questionnaire
	for _, r := range "Acme" {
		press(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(enter) // the subject
	press(enter) // the kind: submitted
	press(enter) // again
	press(enter)
	for _, cmd := range cmds {
		runAll(cmd)
	}
	if repo.n != 1 {
		t.Errorf("the assessment was created %d times", repo.n)
	}
}

// runAll runs every command of cmd, each of a batch in turn, and drops
// their messages: what counts is what they asked of the store.
func runAll(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			runAll(c)
		}
	}
}
