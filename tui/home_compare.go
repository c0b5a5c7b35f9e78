package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// compareKey handles c (mark one assessment, then compare it with the
// next one marked) and C (compare with the subject's previous assessment).
func (h *home) compareKey(msg tea.KeyPressMsg, a *assess.Assessment) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, homeKeyMap.Compare):
		switch h.mark {
		case 0:
			h.mark, h.markSubject = a.ID, a.Subject
			return nil, true
		case a.ID:
			h.mark, h.markSubject = 0, "" // c again on the same one changes one's mind
			return nil, true
		}
		from := h.mark
		h.mark, h.markSubject = 0, ""
		return h.sh.saves.afterWrites(loadDiff(h.sh.deps, from, a.ID)), true
	case key.Matches(msg, homeKeyMap.ComparePrevious):
		if !h.p.complete {
			// C waits while the rest is read (waitsForList): here
			// it could not be.
			h.err = "Only the first page of the portfolio could be read: C compares once every assessment is in; ctrl+r reads it again."
			return nil, true
		}
		prev := assess.Previous(a, h.p.items)
		if prev == nil {
			h.err = fmt.Sprintf("No earlier assessment of %s is listed (A shows archived ones).", clean(a.Subject))
			return nil, true
		}
		return h.sh.saves.afterWrites(loadDiff(h.sh.deps, prev.ID, a.ID)), true
	}
	return nil, false
}

// markLine says which assessment c marked, and what to do next.
func (h *home) markLine() string {
	if h.mark == 0 {
		return ""
	}
	return fmt.Sprintf("Comparing from #%d %s: move to the other assessment and press c (esc cancels)", h.mark, clean(h.markSubject))
}
