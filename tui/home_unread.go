package tui

// notRead is why the list was not read, as the home screen says it: a
// read given up for want of an answer (withinDeadline) says that the
// list shown is the one last read, or that there is none, since nothing
// else would tell a list the server never answered for from the store's
// own; other failures say themselves (a refusal, a server lost).
func (h *home) notRead(err error) string {
	switch {
	case !unanswered(err):
		return said(err)
	case h.p == nil:
		// The view says under it that ctrl+r reads it again.
		return "The list was not read: " + said(err) + "."
	}
	return "The list was not read again: " + said(err) + ". It shows the assessments as last read; ctrl+r reads it again."
}
