package tui

// The home list's, the plan's and the review's windows on their lists
// and texts (the first row shown, the page a page key moves by) depend on
// the room the screen has, which the terminal's size, the header and the
// footer decide. They are state: what the next key does depends on them.
// So they are worked out in Update, after every message, for the room the
// screen shown has then, and View only draws: bubbletea may draw any
// number of times between two messages, or none, and that must change
// nothing a key does. (The risk's plan-item picker has a window of fixed
// size, fitted as its keys move it: interview_risk.go.)

// laidOut is a screen that fits its windows to the room it has.
type laidOut interface {
	// layOut fits the screen's windows to width × height cells, as View
	// will draw it.
	layOut(width, height int)
}

// layOut fits the screen shown to the room View will give it. A screen
// under another is fitted when it shows again: the message that brings
// it back ends here too.
func (m Model) layOut() {
	l, ok := m.cur.(laidOut)
	if !ok {
		return
	}
	w, _, _, _, bodyHeight := m.layout()
	l.layOut(w, bodyHeight)
}
