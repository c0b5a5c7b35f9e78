package tui

import (
	"slices"

	"github.com/assay-dev/assay/assess"
)

// A plan change the server never got (saver.retryUnreached) is, like an
// answer, kept on the screen until it is made again, and made over the
// item as it was when it was given: a colleague's change to the same
// field meanwhile is met as a conflict, not replaced unawares. Several
// changes to one item given while the server was away are a chain: each
// is made over the item as the ones before it leave it, so that the
// second (in progress, then done) does not meet the first, this window's
// own, as someone else's change.

// stillToMake are the changes to plan item key this window still means
// to make, in the order they were given: those queued or being written,
// and those kept to make again once the database answers. With before
// at 0 or more, only those given before the change numbered before.
func (s *session) stillToMake(key string, before int) []failedPlanChange {
	var still []failedPlanChange
	for _, c := range s.planSent {
		if c.key == key {
			still = append(still, c)
		}
	}
	again := s.saves.unreachedKeys()
	for op, c := range s.planFailed {
		if c.key == key && again[op] {
			still = append(still, c)
		}
	}
	if before >= 0 {
		still = slices.DeleteFunc(still, func(c failedPlanChange) bool { return c.n >= before })
	}
	slices.SortFunc(still, func(a, b failedPlanChange) int { return a.n - b.n })
	return still
}

// planWith is the assessment's plan edits with item key as stored (the
// edit in stored, none if absent) and the changes still applied over it,
// in order. One that no longer applies to the item as stored is left
// off: its own outcome, or the next read, says what became of it.
func (s *session) planWith(stored map[string]assess.PlanEdit, key string, still []failedPlanChange, today assess.Date) map[string]assess.PlanEdit {
	edits := make(map[string]assess.PlanEdit, len(s.a.PlanEdits))
	for k, e := range s.a.PlanEdits {
		edits[k] = e
	}
	if e, ok := stored[key]; ok {
		edits[key] = e
	} else {
		delete(edits, key)
	}
	shown := *s.a
	shown.PlanEdits = edits
	for _, c := range still {
		if e, err := shown.ChangePlanItem(key, c.ch, today); err == nil {
			edits[key] = e
		}
	}
	return edits
}

// planOver is the item a change numbered n to plan item key is made
// over: as the store was last seen to hold it, with this window's
// changes given before it and not yet made applied over it.
func (s *session) planOver(key string, n int, today assess.Date) assess.PlanEdit {
	still := s.stillToMake(key, n)
	if len(still) == 0 {
		return s.seenPlan[key]
	}
	return s.planWith(s.seenPlan, key, still, today)[key]
}

// keepUnreachedPlan keeps on the plan, as merge has just read it from the
// store, the changes the server never got: each item with one shows the
// item as stored with them made over it. Changes the item as stored
// already holds, all of them (written though their answer never came
// back, or the same values set by someone else), are saved: their
// failures are forgotten and they are not made again (settleFailedPlan).
func (s *session) keepUnreachedPlan(today assess.Date) {
	again := s.saves.unreachedKeys()
	keys := map[string]bool{}
	for op, c := range s.planFailed {
		if _, conflicted := s.planConflicts[c.key]; again[op] && !conflicted {
			keys[c.key] = true
		}
	}
	if len(keys) == 0 {
		return
	}
	for key := range keys {
		s.settleFailedPlan(key, s.a.PlanEdits[key], false, today)
	}
	for key := range keys {
		s.a.PlanEdits = s.planWith(s.a.PlanEdits, key, s.stillToMake(key, -1), today)
	}
	s.evaluate(today)
}

// planChangeOver is change ch to plan item key, the write op numbered
// n, with the item it is made over, bound when it is first sent: its
// form's (planMeant), or the item as the changes before it leave it
// (planOver). It keeps it while it is to be made again, so that a
// colleague's change read meanwhile is met as a conflict, not replaced
// unawares, unless an earlier change it was made over is refused for
// good (rebaseAfterRefused).
func (s *session) planChangeOver(op, key string, n int, ch assess.PlanChange, today assess.Date) assess.PlanChange {
	over, ok := s.planBound[op]
	if !ok {
		if ch.Over != nil {
			over = *ch.Over
		} else {
			over = s.planOver(key, n, today)
		}
		s.planBound[op] = over
	}
	ch.Over = &over
	return ch
}

// planMeant is plan item key as this window means it now: as the store
// was last seen to hold it, with every change given to it here and still
// to make. A form opens on it, and its change is made over it: made over
// the item as stored, it met a change kept to make again, once that one
// went first, as someone else's.
func (s *session) planMeant(key string, today assess.Date) assess.PlanEdit {
	return s.planOver(key, s.planChanges+1, today)
}

// rebaseAfterRefused makes the later changes to plan item key, bound
// over the change numbered n, which the store has refused for good, over
// what that one was made over instead: the store still holds it, and
// made over the refused change they would meet its value, never stored,
// as someone else's ("changed by someone at 0001-01-01"). Those given
// between them still count.
func (s *session) rebaseAfterRefused(key string, n int, over assess.PlanEdit, today assess.Date) {
	for op := range s.planBound {
		c, ok := s.planSent[op]
		if !ok {
			c, ok = s.planFailed[op]
		}
		if !ok || c.key != key || c.n <= n {
			continue
		}
		still := s.stillToMake(key, c.n)
		s.planBound[op] = s.planWith(map[string]assess.PlanEdit{key: over}, key, still, today)[key]
	}
}
