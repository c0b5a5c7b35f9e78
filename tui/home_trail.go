package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// trailKey handles h: the audit trail of the assessment under the
// cursor, verified, read after the writes queued before it.
func (h *home) trailKey(msg tea.KeyPressMsg, a *assess.Assessment) (tea.Cmd, bool) {
	if !key.Matches(msg, homeKeyMap.History) || h.sh.deps.History == nil {
		return nil, false
	}
	return h.sh.saves.afterWrites(loadTrail(h.sh.deps, a, nil, "")), true
}

// trailLoaded shows the trail read, or says why it could not be.
func (h *home) trailLoaded(msg trailLoadedMsg) (screen, tea.Cmd) {
	if msg.err != nil {
		h.err = said(msg.err)
		if unanswered(msg.err) {
			h.err = fmt.Sprintf("The audit trail of #%d %s was not read: %s.", msg.id, clean(msg.subject), h.err)
		}
		return h, nil
	}
	return newTrail(h.sh, msg), nil
}

// trailLoaded shows the trail t asked for from inside the assessment,
// unless another screen came meanwhile; or says why it could not be read.
func (m Model) trailLoaded(msg trailLoadedMsg) Model {
	switch {
	case m.cur != msg.back:
	case msg.err != nil:
		m.sh.flash = "audit trail not read: " + said(msg.err)
	default:
		m.cur = newTrail(m.sh, msg)
	}
	return m
}
