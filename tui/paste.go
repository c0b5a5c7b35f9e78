package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// pasteInto gives a one-line field (the home screen's filter, the
// export's file name) what a terminal pastes, bracketed: the field does
// not take a paste by itself from a screen that passes it only key
// presses. The paste loses its escape sequences, controls and bidi
// controls (Clean), and the line break a copied line ends with; any
// break inside it becomes a space, as the field holds one line.
func pasteInto(ti textinput.Model, msg tea.PasteMsg) (textinput.Model, tea.Cmd) {
	s := strings.TrimSpace(cleanBlock(msg.Content))
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(s)
	return ti.Update(tea.PasteMsg{Content: s})
}
