package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// session is one open assessment shared by its four views (interview,
// review, plan, report). Changes apply to the in-memory copy at once, so
// the score in the status line follows every answer, and are written to
// the store one at a time, in order, by a queue of commands.
type session struct {
	a    *assess.Assessment
	eval *assess.Evaluation

	queue   []saveOp
	saving  bool
	saved   int    // writes confirmed by the store
	lastErr string // the last write that failed, shown until the next success
}

// saveOp is one durable write, run as a command.
type saveOp struct {
	what string
	run  func(ctx context.Context, repo assess.Repository) error
}

// savedMsg reports a write's outcome back to Update.
type savedMsg struct {
	id   int64
	what string
	err  error
}

func newSession(a *assess.Assessment, today assess.Date) *session {
	s := &session{a: a}
	s.evaluate(today)
	return s
}

func (s *session) evaluate(today assess.Date) {
	s.eval = assess.Evaluate(s.a, today)
}

// pending reports whether a write is queued or running.
func (s *session) pending() bool { return s.saving || len(s.queue) > 0 }

// enqueue adds a write and starts it if nothing else is running: writes
// never overtake each other, so the last answer given is the one stored.
func (s *session) enqueue(d Deps, op saveOp) tea.Cmd {
	s.queue = append(s.queue, op)
	return s.next(d)
}

func (s *session) next(d Deps) tea.Cmd {
	if s.saving || len(s.queue) == 0 {
		return nil
	}
	op := s.queue[0]
	s.queue = s.queue[1:]
	s.saving = true
	id := s.a.ID
	return func() tea.Msg {
		return savedMsg{id: id, what: op.what, err: op.run(d.ctx(), d.Repo)}
	}
}

// done records a finished write and starts the next one.
func (s *session) done(d Deps, msg savedMsg) tea.Cmd {
	s.saving = false
	if msg.err != nil {
		s.lastErr = clean(msg.what + ": " + msg.err.Error())
	} else {
		s.saved++
		s.lastErr = ""
	}
	return s.next(d)
}

// setAnswer changes an answer in memory, rescores, and queues its write.
func (s *session) setAnswer(d Deps, ans assess.Answer) tea.Cmd {
	if s.locked() {
		return nil
	}
	if s.a.Answers == nil {
		s.a.Answers = assess.Answers{}
	}
	s.a.Answers[ans.QuestionID] = ans
	s.evaluate(d.Today())
	id := s.a.ID
	return s.enqueue(d, saveOp{what: "saving " + ans.QuestionID, run: func(ctx context.Context, r assess.Repository) error {
		return r.SaveAnswer(ctx, id, ans)
	}})
}

// changePlan applies a change to a remediation item in memory and queues
// the change itself, not the item it made: the store applies it again to
// the item as it is when the write runs, so another window's change to
// another field of the item is kept.
func (s *session) changePlan(d Deps, key string, ch assess.PlanChange) tea.Cmd {
	if s.locked() {
		return nil
	}
	today := d.Today()
	e, err := s.a.ChangePlanItem(key, ch, today)
	if err != nil {
		s.lastErr = clean(err.Error())
		return nil
	}
	if s.a.PlanEdits == nil {
		s.a.PlanEdits = map[string]assess.PlanEdit{}
	}
	s.a.PlanEdits[key] = e
	s.evaluate(today)
	id := s.a.ID
	return s.enqueue(d, saveOp{what: "saving plan item " + key, run: func(ctx context.Context, r assess.Repository) error {
		_, err := r.ChangePlanItem(ctx, id, key, ch, today)
		return err
	}})
}

// locked refuses changes to an approved assessment, saying how to make
// them here: in a revision, started from the review.
func (s *session) locked() bool {
	if s.a.Editable() == nil {
		return false
	}
	s.lastErr = fmt.Sprintf("#%d is approved and locked; S on the review starts a revision", s.a.ID)
	return true
}

// status is the save indicator for the status line.
func (s *session) status() string {
	switch {
	case s.lastErr != "":
		return "not saved: " + s.lastErr
	case s.pending():
		return "saving…"
	case s.saved > 0:
		return "saved ✓"
	}
	return ""
}
