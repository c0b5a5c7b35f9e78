package tui

import tea "charm.land/bubbletea/v2"

// RefreshMerged is, for the flows of package tui_test, whether the
// workspace, having just handled msg, has taken in a read of the open
// assessment holding an answer to qid: msg brought it, and no read is
// still on its way (one asked for again would be, and this one was not
// taken in). What a screen shows of others' changes is settled then, so
// that a flow can check what it does not show without waiting for a
// time.
func RefreshMerged(qid string) func(msg tea.Msg, m tea.Model) bool {
	return func(msg tea.Msg, m tea.Model) bool {
		r, ok := msg.(refreshedMsg)
		if !ok || r.err != nil || r.a == nil {
			return false
		}
		if _, answered := r.a.Answers[qid]; !answered {
			return false
		}
		ws, ok := m.(Model)
		return ok && !ws.sh.refreshing
	}
}
