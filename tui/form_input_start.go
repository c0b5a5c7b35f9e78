package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// startShown is a form's text input that, once the cursor leaves it,
// shows its text from the start: huh's input kept the window it was
// typed in, so a long owner read as its tail ("…Middle Ownerend") where a
// person looks for the beginning of a name.
type startShown struct{ *huh.Input }

// shownFromStart wraps in, moving its entry in limits (pasteTooLong's
// character limits, looked up by the focused field) to the wrapper.
func shownFromStart(limits map[huh.Field]int, in *huh.Input) *startShown {
	s := &startShown{in}
	if n, ok := limits[in]; ok {
		delete(limits, in)
		limits[s] = n
	}
	return s
}

// Update is the input's, keeping the wrapper the group's field: huh puts
// the model Update returns in the field's place.
func (s *startShown) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	m, cmd := s.Input.Update(msg)
	if in, ok := m.(*huh.Input); ok {
		s.Input = in
	}
	return s, cmd
}

// Blur takes the cursor to the start of the text, which scrolls it into
// view, before the input lets go of the keyboard.
func (s *startShown) Blur() tea.Cmd {
	s.Input.Update(tea.KeyPressMsg{Code: tea.KeyHome})
	return s.Input.Blur()
}
