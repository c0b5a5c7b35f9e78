package tui

import (
	"slices"

	"github.com/assay-dev/assay/assess"
)

// The changes to one plan item kept to make again are a chain: each was
// made over the item as the one before it left it in this window, and
// the store holds none of them. A value the store holds tells who set it
// only when this window's own write brought it back, so the chain is
// judged whole:
//   - brought back by a write of this window (its own change saved), the
//     kept changes are settled from the first, in order, while the item
//     holds what each sets;
//   - read from the store (whoever wrote it), they are settled all
//     together when the item holds what they mean together (a colleague
//     set what the analyst wanted: saved, and the trail holds the
//     colleague's change under their name), and none otherwise: they go
//     in order from the first, over what it was made over, so that a
//     colleague's value that happens to equal one of them is met as a
//     conflict by the first, not taken as that one saved and written
//     over by the next;
//   - a change given after one that met someone else's waits behind that
//     conflict (saveOp.behind), and the analyst's choice, O or K, is made
//     for it too, in the order given (settlePlan): sent on its own, it was
//     made over this window's earlier change, which the store did not
//     hold, and met a colleague's equal value as its own.

// settleFailedPlan forgets the failures of changes to item key that the
// item, as now saved, already holds: made again and saved (the server
// back), the change is no longer "not saved", on the status line or on
// the way out. A change that would still change something (a milestone,
// a value since set otherwise) stays not saved. ours says the item came
// back from this window's own write; otherwise it was read from the
// store, and the kept changes are judged whole (see above).
func (s *session) settleFailedPlan(key string, saved assess.PlanEdit, ours bool, today assess.Date) {
	var item *assess.PlanItem
	for i, it := range s.eval.Plan {
		if it.Key() == key {
			item = &s.eval.Plan[i]
		}
	}
	if item == nil {
		return
	}
	kept := s.saves.unreachedKeys()
	all := !ours && s.meansAsStored(key, saved, today)
	chain := ours
	for _, op := range s.failedPlanOps(key) {
		f := s.planFailed[op]
		e, err := assess.ApplyPlanChange(*item, saved, f.ch, today)
		holds := err == nil && e.SameAs(saved)
		switch {
		case kept[op] && (all || chain && holds):
		case kept[op]:
			chain = false
			continue
		case !holds:
			continue
		}
		s.saves.settle(op)
		delete(s.planFailed, op)
		delete(s.planBound, op)
	}
}

// failedPlanOps are the keys of the failed changes to plan item key, in
// the order the changes were given.
func (s *session) failedPlanOps(key string) []string {
	var ops []string
	for op, f := range s.planFailed {
		if f.key == key {
			ops = append(ops, op)
		}
	}
	slices.SortFunc(ops, func(a, b string) int { return s.planFailed[a].n - s.planFailed[b].n })
	return ops
}

// meansAsStored reports whether plan item key, as stored, is what this
// window's changes to it still to make mean together: the item they were
// first made over with each of them made over it in turn.
func (s *session) meansAsStored(key string, stored assess.PlanEdit, today assess.Date) bool {
	still := s.stillToMake(key, -1)
	if len(still) == 0 {
		return false
	}
	for op, c := range s.planFailed {
		if c.n == still[0].n {
			base, ok := s.planBound[op]
			return ok && s.planWith(map[string]assess.PlanEdit{key: base}, key, still, today)[key].SameAs(stored)
		}
	}
	return false
}

// behindConflict reports whether the change numbered n to plan item key
// was given after one that met someone else's, still to settle.
func (s *session) behindConflict(key string, n int) bool {
	c, ok := s.planConflicts[key]
	return ok && c.n < n
}

// takeBehind takes off the changes to plan item key given after the one
// numbered n, whose conflict the analyst is settling: kept behind it,
// queued, or kept to make again. They are returned in the order given,
// made over nothing yet, to be given again after the choice is made.
func (s *session) takeBehind(key string, n int) []assess.PlanChange {
	var later []failedPlanChange
	kept := s.saves.unreachedKeys()
	take := func(m map[string]failedPlanChange, only func(op string) bool) {
		for op, c := range m {
			if c.key != key || c.n <= n || !only(op) {
				continue
			}
			later = append(later, c)
			s.saves.withdraw(op)
			delete(m, op)
			delete(s.planBound, op)
		}
	}
	every := func(string) bool { return true }
	take(s.planBehind, every)
	take(s.planSent, every)
	take(s.planFailed, func(op string) bool { return kept[op] }) // not one refused for good
	slices.SortFunc(later, func(a, b failedPlanChange) int { return a.n - b.n })
	out := make([]assess.PlanChange, len(later))
	for i, c := range later {
		c.ch.Over = nil
		out[i] = c.ch
	}
	return out
}
