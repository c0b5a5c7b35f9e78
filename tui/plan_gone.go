package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// A key acts on the item the person saw selected. When the item under
// the cursor leaves the plan (another window or a colleague answered its
// question so that it is no longer a finding; the assessment read again)
// the cursor is on whichever item now fills its row: the plan says
// which item went, and the first key that would act on an item does
// nothing but say so; pressed again, it acts on the item now shown.
// Moving the cursor chooses the item and ends the note (as on the home
// list: home_gone.go).

// itemKeys are the plan's keys that act on the item under the cursor.
func (k planKeys) itemKeys() []key.Binding {
	return []key.Binding{k.Edit, k.Accept, k.Status, k.Milestone, conflictKeys.Overwrite, conflictKeys.Keep}
}

// noteGone notes that the item the cursor was on, key, is no longer in
// the plan; the first such item, should the next go too, as that is the
// one the person saw.
func (p *plan) noteGone(key string) {
	if key != "" && p.gone == "" {
		p.gone = key
	}
}

// goneWords says which item went.
func (p *plan) goneWords() string {
	return fmt.Sprintf("plan item %s, which was selected, is no longer in the plan (its answer changed)", clean(p.gone))
}

// goneLine is the note drawn above the plan while the cursor's move is
// unseen; "" when there is none.
func (p *plan) goneLine() string {
	if p.gone == "" {
		return ""
	}
	now := ""
	if it, ok := p.selected(); ok {
		now = clean(it.Key())
	}
	return cursorMovedLine(capitalised(p.goneWords()), now)
}

// refuseUnseen answers a key that would act on it, the item under the
// cursor, while the cursor's move there is unseen: it does nothing but
// say why, and the note ends, so that the same key again acts on it.
func (p *plan) refuseUnseen(msg tea.KeyPressMsg, it assess.PlanItem) bool {
	if p.gone == "" || !key.Matches(msg, planKeyMap.itemKeys()...) {
		return false
	}
	p.err = unseenKeyRefused(msg.String(), p.goneWords(), clean(it.Key()))
	p.gone = ""
	return true
}
