package tui

import (
	"github.com/assay-dev/assay/assess"
)

// A change the store refused for good (the login's role, an approved
// and locked assessment, a value it does not accept, an assessment or
// item gone) is taken off the screen as soon as the refusal is heard:
// the question or item shows what the store holds, and the status line
// says what was refused. Left on, it read as made: an answer counted in
// the progress, a status on the plan's row, until the assessment was
// next read. A change that failed for want of the database stays shown
// and is made again once it answers (saver.retryUnreached); one that
// failed otherwise (a disk error, another session's lock held past the
// wait) may succeed as it is when given again, and stays shown until the
// assessment is next read, as before.

// refusedForGood reports whether err is a refusal no retry lifts.
// A conflict with another person's change is not one: it is settled on
// the screen (conflict.go, plan_conflict.go).
func refusedForGood(err error) bool {
	if err == nil || unreached(err) {
		return false
	}
	switch assess.ErrorCode(err) {
	case assess.EInvalid, assess.ELocked, assess.ENotFound:
		return true
	}
	return false
}

// undoRefusedAnswer puts the question whose answer ans was refused for
// good back to the answer the store holds, as last seen, unless another
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
// for good is not among them.
func (s *session) undoRefusedPlanChange(key string, today assess.Date) {
	s.a.PlanEdits = s.planWith(s.seenPlan, key, s.stillToMake(key, -1), today)
	s.evaluate(today)
}
