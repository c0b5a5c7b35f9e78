package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// enter on the portfolio opens an assessment once the store has read it;
// an analyst who knows the first question's answer types it straight
// away. The key reached the portfolio, still on the screen, which has no
// use for a digit (and would have archived the row for an a, or opened
// another view for r): the answer was lost. Keys typed while an
// assessment opens are now kept for it, and reach the screen it opens
// on, in their order; delivered here before the read comes back.
func TestKeysTypedWhileAnAssessmentOpensReachIt(t *testing.T) {
	a, m, step := enterOnPayroll(t)
	step(tea.KeyPressMsg{Code: '1', Text: "1"})
	if _, ok := m.cur.(*home); !ok {
		t.Fatalf("the assessment opened before the store read it: %T", m.cur)
	}
	step(assessmentLoadedMsg{a: a, open: viewInterview, req: m.sh.loads})
	if _, ok := m.cur.(*interview); !ok {
		t.Fatalf("on %T, not the interview", m.cur)
	}
	if got, ok := m.sh.sess.a.Answers["mfa"]; !ok || len(got.Value.Choices) != 1 {
		t.Errorf("the answer typed while the assessment opened is not given: %+v", m.sh.sess.a.Answers)
	}
}

// q while an assessment opens quits, as the portfolio shown says it does,
// and opens nothing: the keys kept for the assessment would otherwise
// write after quitting had waited for the last write.
func TestQuitWhileAnAssessmentOpensOpensNothing(t *testing.T) {
	a, m, step := enterOnPayroll(t)
	req := m.sh.loads
	step(tea.KeyPressMsg{Code: '1', Text: "1"})
	step(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if !m.quitting {
		t.Fatal("q while the assessment opened did not quit")
	}
	step(assessmentLoadedMsg{a: a, open: viewInterview, req: req})
	if _, ok := m.cur.(*home); !ok || m.sh.sess != nil || m.sh.saves.pending() {
		t.Errorf("quitting, the assessment opened anyway (%T), or a key kept for it wrote", m.cur)
	}
}

// enterOnPayroll is the workspace showing the portfolio of one unanswered
// assessment, with enter pressed on it and the store's read on its way;
// step gives the model a message.
func enterOnPayroll(t *testing.T) (*assess.Assessment, *Model, func(tea.Msg)) {
	a := typeAheadPayroll(t)
	a.Answers = assess.Answers{}
	m := New(Deps{Today: func() assess.Date { return shortToday }, Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(listLoadedMsg{p: newPortfolio([]*assess.Assessment{a}, countOn(shortToday), true), request: m.cur.(*home).request})
	step(tea.KeyPressMsg{Code: tea.KeyEnter})
	return a, &m, step
}

// enter pressed twice on the portfolio (a double press, a key held a
// moment) opened the assessment, and the second enter, kept for it,
// answered its first question with the option under the cursor, the
// first, and moved on: a vendor's most sensitive data recorded as
// business contacts at most, unseen. enter typed again before any other
// key repeats the key that opened it, and is dropped; a key after it is
// kept. The same on the new-assessment form, whose enter submits.
func TestEnterPressedAgainWhileOpeningAnswersNothing(t *testing.T) {
	t.Run("opening", func(t *testing.T) {
		a, m, step := enterOnPayroll(t)
		step(tea.KeyPressMsg{Code: tea.KeyEnter})
		step(tea.KeyPressMsg{Code: tea.KeyEnter, IsRepeat: true})
		step(assessmentLoadedMsg{a: a, open: viewInterview, req: m.sh.loads})
		if _, ok := m.cur.(*interview); !ok {
			t.Fatalf("on %T, not the interview", m.cur)
		}
		if len(m.sh.sess.a.Answers) != 0 {
			t.Errorf("enter pressed again answered %+v", m.sh.sess.a.Answers)
		}
	})
	t.Run("creating", func(t *testing.T) {
		_, step, created := submittedNewAssessment(t)
		step(tea.KeyPressMsg{Code: tea.KeyEnter})
		step(keyOf("2"))
		a := created()
		mfa, _ := a.Questionnaire.Question("mfa")
		second := mfa.Options[1].Value
		if got := a.Answers["mfa"]; len(a.Answers) != 1 || len(got.Value.Choices) != 1 || got.Value.Choices[0] != second {
			t.Errorf("after enter again and 2, the answers are %+v; want mfa %q alone", a.Answers, second)
		}
	})
}

// Keys typed while an assessment opens are kept up to maxTypedAhead, and
// those after it were dropped without a word. The screen it opens on
// says how many were not used.
func TestKeysTypedPastTheBoundWhileAnAssessmentOpensAreSaidNotUsed(t *testing.T) {
	a, m, step := enterOnPayroll(t)
	for range maxTypedAhead + 3 {
		step(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	step(assessmentLoadedMsg{a: a, open: viewInterview, req: m.sh.loads})
	if _, ok := m.cur.(*interview); !ok {
		t.Fatalf("on %T, not the interview", m.cur)
	}
	if want := "3 keys typed while assay was reading were not used: it keeps the first 256"; !strings.Contains(m.sh.flash, want) {
		t.Errorf("status line %q; want %q", m.sh.flash, want)
	}
}
