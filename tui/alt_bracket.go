package tui

import (
	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// Alt+[ sends ESC [, and a digit typed with it, arriving in the same
// read (a paste, tmux send-keys, a terminal that sends what was typed
// together), makes ESC [ 2: the start of a key's escape sequence that
// never ends. Bubble Tea v2 waits its escape timeout for the rest and
// then delivers what arrived as an unknown sequence, and the digit,
// which picks an option, was lost. A key's sequence arrives whole, and
// Bubble Tea has waited for it: ESC [ and digits with no final byte are
// Alt+[, which no screen binds, and the digits typed after it, as
// Bubble Tea reads them when they arrive apart.

// typedAfterAltBracket is the digits of such an unknown sequence as the
// keys they are; nil for any other message.
func typedAfterAltBracket(msg tea.Msg) []tea.KeyPressMsg {
	seq, ok := msg.(uv.UnknownEvent)
	if !ok || len(seq) < 3 || seq[:2] != "\x1b[" {
		return nil
	}
	var keys []tea.KeyPressMsg
	for _, c := range seq[2:] {
		if c < '0' || c > '9' {
			return nil // a sequence of another kind: nobody's keys
		}
		keys = append(keys, tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	return keys
}

// updateTyped gives the model each key, in order, as if typed.
func (m Model) updateTyped(keys []tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var model tea.Model = m
	cmds := make([]tea.Cmd, 0, len(keys))
	for _, k := range keys {
		var cmd tea.Cmd
		model, cmd = model.Update(k)
		cmds = append(cmds, cmd)
	}
	return model, tea.Batch(cmds...)
}
