package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Keys typed before the list they act on is in wait for it: none shown
// yet (the workspace opening, or going home to a list that could not be
// read), or C, which compares with the subject's previous assessment,
// before the whole portfolio is in. Otherwise they found no row, or C
// said it was still loading, and were lost. A key typed after one that
// waits waits too, so that they act in their order.

// waitsForList reports whether k must wait for the list being read.
func (h *home) waitsForList(k tea.KeyPressMsg) bool {
	if !h.loading {
		return false // nothing is coming: keys act on what is shown
	}
	return len(h.waiting.keys) > 0 || h.p == nil ||
		!h.p.complete && !h.filtering && key.Matches(k, homeKeyMap.ComparePrevious)
}

// wait keeps k until the list comes, as many as maxTypedAhead; those
// past it are counted, to be said not used (notUsed).
func (h *home) wait(k tea.KeyPressMsg) { h.waiting.keep(k) }

// typedAhead hands over the keys that waited, and how many were dropped,
// once the first of them need wait no longer; ok is false until then.
func (h *home) typedAhead() (keys []tea.KeyPressMsg, dropped int, ok bool) {
	if len(h.waiting.keys) == 0 {
		return nil, 0, false
	}
	kept := h.waiting
	h.waiting = typedKeys{}
	if h.waitsForList(kept.keys[0]) {
		h.waiting = kept // still to come
		return nil, 0, false
	}
	keys, dropped = kept.take()
	return keys, dropped, true
}

// listLoaded gives the home screen a list read, shown or kept while
// another screen shows, then the keys that waited for it, in their order,
// as typed: one may open an assessment or a form, and the keys after it
// go there.
func (m Model) listLoaded(msg listLoadedMsg) (Model, tea.Cmd) {
	h := m.sh.home
	_, cmd := h.Update(msg)
	if m.cur != h {
		return m, cmd
	}
	cmds := []tea.Cmd{cmd}
	typed, dropped, ok := h.typedAhead()
	for _, k := range typed {
		var next tea.Cmd
		m, next = m.route(k)
		cmds = append(cmds, next)
	}
	if ok {
		m.sh.notUsed(dropped)
	}
	return m, tea.Batch(cmds...)
}

// notUsed says, once the keys typed ahead have acted, how many were
// dropped past maxTypedAhead: a person whose typing did not all count is
// told so, on the screen the keys led to (or the one being opened).
func (sh *shell) notUsed(dropped int) {
	if dropped == 0 {
		return
	}
	words := fmt.Sprintf("%s typed while assay was reading were not used: it keeps the first %d",
		assess.Count(dropped, "key", "keys"), maxTypedAhead)
	if sh.opening {
		sh.nextFlash = words
		return
	}
	sh.flash = words
}
