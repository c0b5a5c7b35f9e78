package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// A conflict comes back from the store some time after its change was
// made, by when the person has usually gone on to the next question or
// item. The workspace went there by itself, and a key pressed as it did
// (the next answer, s for the next status) acted on a question or item
// the person had not seen. It never moves by itself now: it says where
// the conflict is and that c goes there, where O or K settle it. A key
// acts on what was on the screen when it was pressed.

// conflictAhead is the next question after the one shown, and round
// again, whose answer is in conflict, and how many others besides the
// shown one are; ok is false when no question but the shown one has one.
func (iv *interview) conflictAhead() (q *assess.Question, c conflict, others int, ok bool) {
	qs := iv.sh.sess.a.Questionnaire.Questions
	for step := 1; step < len(qs); step++ {
		next := qs[(iv.idx+step)%len(qs)]
		found, in := iv.sh.sess.conflicts[next.ID]
		if !in {
			continue
		}
		if !ok {
			q, c, ok = next, found, true
		}
		others++
	}
	return q, c, others, ok
}

// conflictNotice says, on the status line, which other question holds a
// conflict and that c goes to it; "" when none does.
func (iv *interview) conflictNotice() string {
	q, c, others, ok := iv.conflictAhead()
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s changed the answer to question %d (%s) before yours was saved: c goes to it%s",
		who(c.theirs), q.Index+1, q.ID, andMore(others))
}

// goToConflict shows the question conflictNotice names.
func (iv *interview) goToConflict() tea.Cmd {
	q, _, _, ok := iv.conflictAhead()
	if !ok {
		return nil
	}
	iv.idx = q.Index
	iv.sh.flash = ""
	return iv.arrive()
}

// conflictAhead is the next plan item after the cursor's, and round
// again, whose change is in conflict, and how many items besides the
// cursor's are.
func (p *plan) conflictAhead() (row int, it assess.PlanItem, c planConflict, others int, ok bool) {
	items := p.items()
	for step := 1; step < len(items); step++ {
		at := (p.nav.cursor + step) % len(items)
		found, in := p.sh.sess.planConflicts[items[at].Key()]
		if !in {
			continue
		}
		if !ok {
			row, it, c, ok = at, items[at], found, true
		}
		others++
	}
	return row, it, c, others, ok
}

// conflictNotice says, above the plan, which other item holds a conflict
// and that c goes to it; "" when none does.
func (p *plan) conflictNotice() string {
	_, it, c, others, ok := p.conflictAhead()
	if !ok || len(c.theirs) == 0 {
		return ""
	}
	f := c.theirs[0]
	return fmt.Sprintf("%s changed the %s of plan item %s before yours was saved: c goes to it%s",
		orSomeone(f.By), f.Field, it.Key(), andMore(others))
}

// goToConflict puts the cursor on the item conflictNotice names.
func (p *plan) goToConflict() {
	if row, it, _, _, ok := p.conflictAhead(); ok {
		p.nav.cursor, p.at = row, it.Key()
	}
}

// andMore counts the conflicts besides the one named.
func andMore(conflicts int) string {
	if conflicts < 2 {
		return ""
	}
	return fmt.Sprintf(" (%d more after it)", conflicts-1)
}

// withGoToConflict puts c first among the keys shown while a conflict is
// elsewhere.
func withGoToConflict(km keyMap, elsewhere bool) keyMap {
	if elsewhere {
		km.short = append([]key.Binding{conflictKeys.GoTo}, km.short...)
		km.full = append([][]key.Binding{{conflictKeys.GoTo}}, km.full...)
	}
	return km
}
