package tui

import (
	"github.com/assay-dev/assay/assess"
)

// A change the store did not take is shown only while it is still to be
// made. One that failed for want of the database (the server out of
// reach, or silent) stays shown and is made again once it answers
// (saver.retryUnreached); one that met another person's change is
// settled on the screen (conflict.go, plan_conflict.go). Every other is
// taken off as soon as its outcome is heard: refused for good (the
// login's role, an approved and locked assessment, a value the store
// does not accept, an assessment or item gone), or refused for now (a
// disk error, a server that accepts no changes while it is a standby,
// another session's lock held past the wait). Nothing makes the latter
// again, so shown they read as made: an answer counted in the progress,
// a status on the plan's row, until the assessment was next read. The
// question or item shows what the store holds, the status line says what
// was refused, and quitting names it with the value it gave: it may be
// given again.

// takenOff reports whether the change err answered is taken off the
// screen: every failure but one for want of the database. A conflict
// with another person's change is not asked about: it is settled on
// the screen before this is.
func takenOff(err error) bool {
	return err != nil && !unreached(err)
}

// undoRefusedAnswer puts the question whose answer ans was refused (takenOff)
// back to the answer the store holds, as last seen, unless another
// answer to it was given since (that one's outcome decides what shows).
func (s *session) undoRefusedAnswer(ans assess.Answer, today assess.Date) {
	qid := ans.QuestionID
	if s.saves.writing(answerKey(s.a.ID, qid)) || !assess.SameAnswer(s.a.Answers[qid], ans) {
		return
	}
	if stored, ok := s.seen[qid]; ok {
		s.a.Answers[qid] = stored
	} else {
		delete(s.a.Answers, qid)
	}
	s.evaluate(today)
}

// undoRefusedPlanChange shows plan item key as the store holds it, as
// last seen, with the changes to it this window still means to make: those
// queued or being written, and those kept to make again once the
// database answers, in the order they were given. The change refused
// is not among them.
func (s *session) undoRefusedPlanChange(key string, today assess.Date) {
	s.a.PlanEdits = s.planWith(s.seenPlan, key, s.stillToMake(key, -1), today)
	s.evaluate(today)
}
