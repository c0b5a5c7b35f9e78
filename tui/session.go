package tui

import (
	"context"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// session is one open assessment shared by its four views (interview,
// review, plan, report). Changes apply to the in-memory copy at once, so
// the score in the status line follows every answer, and are queued on
// the workspace's saver, which writes them to the store in order.
type session struct {
	a *assess.Assessment
	// archivedWho says who archived a while it was open here, and when
	// (archived_under.go): a refused change names them, "" until read.
	archivedWho string
	eval        *assess.Evaluation
	// saves is the workspace's write queue. The root model links every
	// session to it, including one a screen opens (a signed assessment,
	// a revision), before any key can change it.
	saves *saver
	// planChanges numbers the plan changes queued, so each has a key.
	planChanges int
	// seen are the answers as this window last knew the store to hold
	// them: loaded, saved from here, or brought in from others. A change
	// to an answer is made over the one seen (assess.ConflictError).
	seen assess.Answers
	// conflicts are the answers someone else changed before this
	// window's change reached the store: what they say now, and ours,
	// until the analyst overwrites or keeps theirs (conflict.go).
	conflicts map[string]conflict
	// meanwhile are others' answers to a question being edited here,
	// shown beside the edit until it is saved (and then met as a
	// conflict) or given up.
	meanwhile map[string]assess.Answer
	// seenPlan are the plan items' edits as this window last knew the
	// store to hold them; a change to an item is made over the one seen,
	// or over the one its form opened on (assess.PlanChange.Over).
	seenPlan map[string]assess.PlanEdit
	// planConflicts are the changes to plan items refused because someone
	// else set one of their fields first, until the analyst overwrites
	// or keeps theirs (plan_conflict.go).
	planConflicts map[string]planConflict
	// planFailed are the plan changes the store did not take (not a
	// conflict: the server away, a write that failed), by their write's
	// key, until the item is seen saved holding what each would set.
	planFailed map[string]failedPlanChange
	// planBound are the items the plan changes are made over (their
	// form's, or as the changes before them leave it), by their write's
	// key, fixed when each is first sent and kept while it is to be made
	// again (planChangeOver).
	planBound map[string]assess.PlanEdit
	// planSent are the plan changes queued or being written, by their
	// write's key, until their outcome is heard: what a refused change
	// to the same item leaves on the screen (undoRefusedPlanChange).
	planSent map[string]failedPlanChange
	// planBehind are the plan changes not sent because an earlier change
	// to their item met someone else's, by their write's key, until the
	// analyst chooses (plan_chain.go).
	planBehind map[string]failedPlanChange
	// stamps are who set the fields of the plan's accepted items last
	// and when, as the trail said when last read (plan_accepted_days.go):
	// they date the acceptances the plan is judged through.
	stamps assess.PlanStamps
	// at is the question the interview showed last: tab to another view
	// and back returns to it. A new session (the assessment reopened)
	// has none, and resumes at the first question still to answer.
	at string
}

func newSession(a *assess.Assessment, today assess.Date) *session {
	return newSessionDated(a, today, nil)
}

// newSessionDated is newSession with the trail's stamps of the plan's
// accepted items, which date the acceptances it is judged through.
func newSessionDated(a *assess.Assessment, today assess.Date, stamps assess.PlanStamps) *session {
	s := &session{a: a, stamps: stamps, seen: assess.Answers{}, conflicts: map[string]conflict{}, meanwhile: map[string]assess.Answer{}}
	for id, ans := range a.Answers {
		s.seen[id] = ans
	}
	s.seenPlan, s.planConflicts = map[string]assess.PlanEdit{}, map[string]planConflict{}
	s.planFailed, s.planSent = map[string]failedPlanChange{}, map[string]failedPlanChange{}
	s.planBound, s.planBehind = map[string]assess.PlanEdit{}, map[string]failedPlanChange{}
	for k, e := range a.PlanEdits {
		s.seenPlan[k] = e
	}
	s.evaluate(today)
	return s
}

// evaluate judges the assessment as the report made now would be
// (assess.JudgedAsReported): on today, or on a later day of a sign-off or
// of an acceptance it shows.
func (s *session) evaluate(today assess.Date) {
	s.eval, _ = assess.JudgedAsReported(assess.Evaluate(s.a, today), s.stamps)
}

// pending reports whether a write is queued or running.
func (s *session) pending() bool { return s.saves != nil && s.saves.pending() }

// where names the assessment for messages about its writes.
func (s *session) where() string { return rowName(s.a) }

// setAnswer changes an answer in memory, rescores, and queues its write;
// false when the change is refused (locked).
func (s *session) setAnswer(d Deps, ans assess.Answer) bool {
	if s.locked(d) || s.overEvidence(ans) {
		return false
	}
	if s.a.Answers == nil {
		s.a.Answers = assess.Answers{}
	}
	// An answer given again as the store holds it (enter on the option
	// already chosen, going back over the questions) changes nothing and
	// records nothing. One whose save failed, or is still on its way, is
	// saved again, and one that meets another person's takes the usual
	// way, to the conflict.
	_, conflicted := s.conflicts[ans.QuestionID]
	_, theirs := s.meanwhile[ans.QuestionID]
	stored, ok := s.seen[ans.QuestionID]
	if ok && !conflicted && !theirs && assess.SameAnswer(stored, ans) && assess.SameAnswer(s.a.Answers[ans.QuestionID], ans) {
		return true
	}
	// The review's count of answers changed since the submission sees
	// this change before the assessment is read again.
	s.a.ChangingAnswer(ans.QuestionID)
	replaced, hadOne := s.a.Answers[ans.QuestionID]
	s.a.Answers[ans.QuestionID] = ans
	s.evaluate(d.Today())
	delete(s.conflicts, ans.QuestionID)
	delete(s.meanwhile, ans.QuestionID)
	id, qid := s.a.ID, ans.QuestionID
	s.saves.enqueue(saveOp{
		key: answerKey(id, qid), what: "the answer to " + clean(qid), given: givenAnswer(s.a.Questionnaire, ans), where: s.where(),
		// Made over the answer as the writes before it left it, or over
		// the one it replaces when that one, kept to make again, was
		// recorded after all (answerHeld).
		bind: func() func(ctx context.Context, r assess.Repository) error {
			seen := s.seen[qid]
			kept := hadOne && s.saves.keeps(answerKey(id, qid))
			return func(ctx context.Context, r assess.Repository) error {
				over := assess.Answers{qid: seen}
				if kept {
					held, err := answerHeld(ctx, r, id, replaced)
					if err != nil {
						return err
					}
					if held {
						over[qid] = replaced
					}
				}
				return r.ReplaceAnswers(ctx, id, []assess.Answer{ans}, over)
			}
		},
		stored: func(ctx context.Context, r assess.Repository) (bool, error) {
			return answerHeld(ctx, r, id, ans)
		},
		after: func(err error) { s.saved(ans, err, d.Today()) },
	})
	return true
}

// takeMeanwhile gives the questions whose edit was given up (left, or
// cancelled, unsaved) the answers others saved to them meanwhile, which
// the store holds.
func (s *session) takeMeanwhile(today assess.Date) {
	if len(s.meanwhile) == 0 {
		return
	}
	for id, theirs := range s.meanwhile {
		s.a.Answers[id] = theirs
		s.seen[id] = theirs
	}
	clear(s.meanwhile)
	s.evaluate(today)
}

// overEvidence refuses, before it is queued, an answer listing more
// evidence references than an answer may: an older assay stored such
// answers, and the store refuses every change to one (and assay export
// the assessment) until it is trimmed. Said here with the key that
// trims it and by how much, rather than as the store's refusal after
// the save, which named no way out.
func (s *session) overEvidence(ans assess.Answer) bool {
	n := len(ans.Evidence)
	if assess.CheckEvidenceCount(n) == nil {
		return false
	}
	s.saves.refused = fmt.Sprintf("question %s lists %d evidence references, more than the %d an answer may list: "+
		"e edits them: remove at least %d (one document can list the rest)", clean(ans.QuestionID), n, assess.MaxEvidence, n-assess.MaxEvidence)
	return true
}

// answerHeld reports whether the store holds ans as the answer to its
// question in assessment id.
func answerHeld(ctx context.Context, r assess.Repository, id int64, ans assess.Answer) (bool, error) {
	now, err := r.Assessment(ctx, id)
	if err != nil {
		return false, err
	}
	held, ok := now.Answers[ans.QuestionID]
	return ok && assess.SameAnswer(held, ans), nil
}

func answerKey(id int64, qid string) string { return fmt.Sprintf("%d answer %s", id, qid) }

// changePlan applies a change to a remediation item in memory and queues
// the change itself, not the item it made: the store applies it again to
// the item as it is when the write runs, so another window's change to
// another field of the item is kept. It is made over ch.Over, or, when
// nil, over the item as the writes before it left it: a field someone
// else set meanwhile is not replaced unawares (planSaved).
func (s *session) changePlan(d Deps, key string, ch assess.PlanChange) {
	if s.locked(d) {
		return
	}
	today := d.Today()
	e, err := s.a.ChangePlanItem(key, ch, today)
	if err != nil {
		s.saves.refused = said(err)
		return
	}
	if s.a.PlanEdits == nil {
		s.a.PlanEdits = map[string]assess.PlanEdit{}
	}
	s.a.ChangingPlanItem(key) // counted in review at once, as setAnswer's answer
	s.acceptedHere(key, s.a.PlanEdits[key].Status, e.Status)
	s.a.PlanEdits[key] = e
	s.evaluate(today)
	id := s.a.ID
	// Each change is its own delta: a later change to the item does not
	// settle an earlier one that failed, so each gets a key of its own.
	s.planChanges++
	op := fmt.Sprintf("%d plan %s #%d", id, key, s.planChanges)
	var got assess.PlanEdit
	n := s.planChanges
	s.planSent[op] = failedPlanChange{key: key, ch: ch, n: n}
	s.saves.enqueue(saveOp{
		key: op, what: "a change to plan item " + clean(key), given: givenPlanChange(ch), where: s.where(),
		bind: func() func(ctx context.Context, r assess.Repository) error {
			sent := s.planChangeOver(op, key, n, ch, today)
			return func(ctx context.Context, r assess.Repository) error {
				var err error
				got, _, err = r.ChangePlanItem(ctx, id, key, sent, today)
				return err
			}
		},
		after:  func(err error) { s.planSaved(key, op, n, s.planChangeOver(op, key, n, ch, today), got, today, err) },
		behind: func() bool { return s.behindConflict(key, n) },
	})
}

// editable reports, saying nothing, whether this person may change the
// assessment here: a field is not opened for typing by itself otherwise.
func (s *session) editable(d Deps) bool {
	return d.readOnly() == "" && s.a.Editable() == nil
}

// locked refuses changes this person may not make, before they show: to
// an approved assessment, saying how to make them here (in a revision,
// started from the review), to an archived one, saying how to restore it,
// and any, on a team database, by a login without the analyst role.
func (s *session) locked(d Deps) bool {
	switch {
	case d.readOnly() != "":
		s.saves.refused = clean(d.refuse())
	case s.a.Archive.SetOutsideAssay():
		// Said as what it is, as the store says it: an ordinary archive
		// would hide that someone edited the database.
		s.saves.refused = fmt.Sprintf("#%d's archive flag is neither 0 nor 1, so it was set outside assay: "+
			"A then a on the home screen restores it, and assay verify names every such assessment", s.a.ID)
	case s.a.Archive.Archived() && s.archivedWho != "":
		s.saves.refused = s.archivedWho + "; A then a on the home screen restores it"
	case s.a.Archive.Archived():
		s.saves.refused = fmt.Sprintf("#%d is archived; A then a on the home screen restores it", s.a.ID)
	case s.a.Editable() != nil:
		s.saves.refused = fmt.Sprintf("#%d is approved and locked; S on the review starts a revision", s.a.ID)
	default:
		return false
	}
	return true
}

// status is the save indicator for the status line.
func (s *session) status() string { return s.saves.status() }
