package tui

import "charm.land/bubbles/v2/textinput"

// fitInput gives a one-line text input width columns for its text and
// scrolls the text so that the cursor shows. bubbles works out which part
// of the text is drawn only when the text or the cursor moves, so a width
// given after them (a file name offered in a long export folder, an
// answer opened for editing, a terminal made narrower) left the whole
// text drawn, past the frame, which cut it and the file name at its end,
// until the next key.
func fitInput(in *textinput.Model, width int) {
	if in.Width() == width {
		return
	}
	at := in.Position()
	in.SetWidth(0) // no width: the whole text is the part drawn
	in.SetCursor(at)
	in.SetWidth(width)
	in.CursorEnd()   // the part drawn ends at the text's end,
	in.SetCursor(at) // or starts at the cursor, if that is before it
}
