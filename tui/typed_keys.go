package tui

import tea "charm.land/bubbletea/v2"

// maxTypedAhead bounds the keys kept while a screen is not ready for
// them: a read that takes long (a slow server) does not make them a
// store.
const maxTypedAhead = 256

// typedKeys are keys typed before what they act on is ready (the list
// being read, an assessment being opened), kept in their order up to
// maxTypedAhead; those past it are counted, to be said not used
// (shell.notUsed). The home screen and the shell each keep one.
type typedKeys struct {
	keys    []tea.KeyPressMsg
	dropped int
}

// keep adds k, or counts it dropped once maxTypedAhead are kept.
func (t *typedKeys) keep(k tea.KeyPressMsg) {
	if len(t.keys) < maxTypedAhead {
		t.keys = append(t.keys, k)
		return
	}
	t.dropped++
}

// take hands over the keys kept and how many were dropped, and forgets
// both.
func (t *typedKeys) take() ([]tea.KeyPressMsg, int) {
	keys, dropped := t.keys, t.dropped
	*t = typedKeys{}
	return keys, dropped
}
