package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// When two people set the same field of a plan item (owner, due date,
// status, action), the second to save is told, on the item, who set it,
// when, and both values, and chooses as with an answer: O overwrites
// theirs knowingly, K keeps theirs (and saves the rest of the change).
// Nothing of the refused change is saved until then.

// planConflict is a change to a plan item refused because someone else
// set one of its fields first.
type planConflict struct {
	mine   assess.PlanChange
	theirs []assess.FieldConflict
	op     string // the refused write's key, settled once chosen
	n      int    // its place among the session's plan changes
}

// planSaved hears the outcome of a change to plan item key: the store now
// holds got, or refused the change for another person's fields, or
// refused it, and unless it is made again once the database answers
// (takenOff) the item shows again what the store holds.
func (s *session) planSaved(key, op string, n int, ch assess.PlanChange, got assess.PlanEdit, today assess.Date, err error) {
	delete(s.planSent, op)
	if !unreached(err) {
		delete(s.planBound, op) // its outcome is final: not made again
	}
	var c *assess.ConflictError
	switch {
	case err == nil:
		s.seenPlan[key] = got
		s.settleFailedPlan(key, got, true, today)
	case errors.As(err, &c) && len(c.Fields) > 0:
		s.planConflicts[key] = planConflict{mine: ch, theirs: c.Fields, op: op, n: n}
	case errors.Is(err, errBehindConflict):
		s.planBehind[op] = failedPlanChange{key: key, ch: ch, n: n}
	default:
		s.planFailed[op] = failedPlanChange{key: key, ch: ch, n: n}
		if takenOff(err) {
			s.rebaseAfterRefused(key, n, *ch.Over, today)
			s.undoRefusedPlanChange(key, today)
		}
	}
}

// failedPlanChange is a change to plan item key the store did not take
// (or, in session.planSent, has not answered yet); n is its place among
// the session's plan changes, the order they were given in.
type failedPlanChange struct {
	key string
	ch  assess.PlanChange
	n   int
}

// settlePlan ends the conflict on key: the item becomes theirs, as the
// store holds it, and then the rest of our change is made over it, and
// after it, in the order given, the rest of each change to the item
// given after ours, which waited behind the conflict (takeBehind).
func (s *session) settlePlan(d Deps, key string, rest func(planConflict, assess.PlanChange) assess.PlanChange) {
	c, ok := s.planConflicts[key]
	if !ok {
		return
	}
	later := s.takeBehind(key, c.n)
	delete(s.planConflicts, key)
	s.saves.settle(c.op)
	theirs := c.theirs[0].Edit
	s.seenPlan[key] = theirs
	s.a.PlanEdits[key] = theirs
	s.evaluate(d.Today())
	if ch := rest(c, c.mine); !ch.Empty() {
		ch.Over = &theirs
		s.changePlan(d, key, ch)
	}
	for _, ch := range later {
		if ch = rest(c, ch); !ch.Empty() {
			s.changePlan(d, key, ch)
		}
	}
}

// overwritePlan makes our changes again over theirs, now that it has been seen.
func (s *session) overwritePlan(d Deps, key string) {
	s.settlePlan(d, key, func(_ planConflict, ch assess.PlanChange) assess.PlanChange { return ch })
}

// keepTheirsPlan gives up our value of the fields they set, and makes
// the rest of our changes (another field, a milestone).
func (s *session) keepTheirsPlan(d Deps, key string) {
	s.settlePlan(d, key, func(c planConflict, ch assess.PlanChange) assess.PlanChange { return ch.WithoutFields(c.theirs) })
}

// conflictBox says, above the plan, who set which field of the selected
// item, when, what both say, and how to choose.
func (p *plan) conflictBox(it assess.PlanItem, width int) string {
	c, ok := p.sh.sess.planConflicts[it.Key()]
	if !ok {
		return ""
	}
	st := p.sh.st
	mine := p.sh.sess.a.PlanEdits[it.Key()]
	var out []string
	for _, f := range c.theirs {
		head := fmt.Sprintf("%s changed the %s of %s at %s, before yours was saved.", orSomeone(f.By), f.Field, it.Key(), f.At.Local().Format("15:04:05 on 2 Jan"))
		if f.At.IsZero() { // changed again, its setter not read yet
			head = fmt.Sprintf("%s changed the %s of %s again, before yours was saved.", orSomeone(f.By), f.Field, it.Key())
		}
		out = append(out, st.warn.Render(wrap(clean(head), width)),
			wrap("Theirs: "+clean(f.Now), width),
			wrap("Yours:  "+clean(mine.Describe(f.Field)), width))
	}
	out = append(out, st.key.Render("O")+" overwrite theirs with yours  "+st.key.Render("K")+" keep theirs")
	return strings.Join(out, "\n") + "\n"
}

func orSomeone(name string) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	return "Someone"
}

// conflictKey settles the conflict of the selected item with O or K;
// handled reports whether the key was one of them.
func (p *plan) conflictKey(msg tea.KeyPressMsg, it assess.PlanItem) (handled bool) {
	if _, ok := p.sh.sess.planConflicts[it.Key()]; !ok {
		return false
	}
	switch {
	case key.Matches(msg, conflictKeys.Overwrite):
		p.sh.sess.overwritePlan(p.sh.deps, it.Key())
	case key.Matches(msg, conflictKeys.Keep):
		p.sh.sess.keepTheirsPlan(p.sh.deps, it.Key())
	default:
		return false
	}
	return true
}

// mergePlan takes the plan edits as the store now holds them, keeping as
// this window has them the items with a conflict to settle.
func (s *session) mergePlan(fresh map[string]assess.PlanEdit) map[string]assess.PlanEdit {
	out := map[string]assess.PlanEdit{}
	seen := map[string]assess.PlanEdit{}
	for k, theirs := range fresh {
		out[k], seen[k] = theirs, theirs
	}
	for k := range s.planConflicts {
		if mine, ok := s.a.PlanEdits[k]; ok {
			out[k] = mine
		}
		if was, ok := s.seenPlan[k]; ok {
			seen[k] = was
		}
	}
	s.seenPlan = seen
	return out
}

// planStamper reads who set each field of a plan item last (the store,
// PlanFieldStamps). A store without it leaves a followed conflict
// unsigned: "Someone".
type planStamper interface {
	PlanFieldStamps(ctx context.Context, id int64, key string) (map[assess.PlanField]assess.FieldStamp, error)
}

// planStampsMsg is who set the fields of a plan item in conflict, read
// for the item as the conflict holds it (edit).
type planStampsMsg struct {
	id     int64
	key    string
	edit   assess.PlanEdit
	stamps map[assess.PlanField]assess.FieldStamp
	err    error // why they were not read: said with the conflict
}

// followPlanConflicts brings each conflict still to settle to the item as
// the store now holds it (fresh), when the other person changed it again
// while it was shown: the fields in conflict, what theirs say, and the
// edit O and K make ours over are the ones stored now, not the first
// ones (K put those back on the screen; O met a conflict again). Who set
// a field changed since is read from the store (planStampsMsg). When no
// field of theirs stands against ours any more, ours is made, as it
// would have been without the conflict.
func (s *session) followPlanConflicts(d Deps, fresh *assess.Assessment) tea.Cmd {
	var reads []tea.Cmd
	for key, c := range s.planConflicts {
		theirs, ok := fresh.PlanEdits[key]
		if !ok {
			theirs = assess.PlanEdit{Key: key}
		}
		if theirs.SameAs(c.theirs[0].Edit) {
			continue
		}
		out, err := fresh.ChangePlanItem(key, c.mine, d.Today())
		if err != nil {
			continue // the item is gone, or ours no longer applies: as it was
		}
		// Who set a field is kept only while it says what it said.
		known := map[assess.PlanField]assess.FieldStamp{}
		for _, f := range c.theirs {
			if f.Now == theirs.Describe(f.Field) {
				known[f.Field] = f.FieldStamp
			}
		}
		fields := assess.PlanConflicts(theirs, out, c.mine, d.Actor, known)
		c.theirs = fields
		if len(fields) == 0 {
			c.theirs = []assess.FieldConflict{{Item: key, Edit: theirs}}
			s.planConflicts[key] = c
			s.overwritePlan(d, key)
			continue
		}
		s.planConflicts[key] = c
		s.saves.explain(c.op, conflictWords(fields))
		reads = append(reads, readPlanStamps(d, s.a.ID, key, theirs))
	}
	return tea.Batch(reads...)
}

// readPlanStamps reads who set the fields of plan item key, in conflict,
// within a write's deadline (withinDeadline): a server that accepts and
// never answers left the conflict unsigned, unsaid. Not read, the
// conflict stays unsigned and says why; choosing still works.
func readPlanStamps(d Deps, id int64, key string, edit assess.PlanEdit) tea.Cmd {
	st, ok := d.Repo.(planStamper)
	if !ok {
		return nil
	}
	return func() tea.Msg {
		stamps, err := withinDeadline(d, func(ctx context.Context) (map[assess.PlanField]assess.FieldStamp, error) {
			return st.PlanFieldStamps(ctx, id, key)
		})
		return planStampsMsg{id: id, key: key, edit: edit, stamps: stamps, err: err}
	}
}

// stampPlanConflict names who set the fields of a followed conflict,
// unless the item has changed again since (its own read follows).
func (s *session) stampPlanConflict(msg planStampsMsg) {
	c, ok := s.planConflicts[msg.key]
	if !ok || s.a.ID != msg.id || !c.theirs[0].Edit.SameAs(msg.edit) {
		return
	}
	if msg.err != nil {
		s.saves.explain(c.op, conflictWords(c.theirs)+"; who changed it was not read: "+said(msg.err))
		return
	}
	for i, f := range c.theirs {
		if st, ok := msg.stamps[f.Field]; ok && f.At.IsZero() {
			c.theirs[i].FieldStamp = st
		}
	}
	s.planConflicts[msg.key] = c
	s.saves.explain(c.op, conflictWords(c.theirs))
}

// conflictWords is what the store says of a refused change, for fields
// whose setter may not be known yet.
func conflictWords(fields []assess.FieldConflict) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = f.String()
		if f.At.IsZero() {
			parts[i] = fmt.Sprintf("the %s of plan item %s was changed again: it is now %s", f.Field, f.Item, f.Now)
		}
	}
	return clean(strings.Join(parts, "; "))
}
