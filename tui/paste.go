package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/huh/v2"

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
	return ti.Update(tea.PasteMsg{Content: oneLine(msg.Content)})
}

// oneLine is a paste as a one-line field takes it (pasteInto).
func oneLine(pasted string) string {
	s := strings.TrimSpace(cleanBlock(pasted))
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(s)
}

// pasteWithin gives a one-line field a paste as pasteInto does, unless
// what the field would then hold is longer than limit bytes: then the
// field is left as it was and why is returned. The field would have kept
// what fits and dropped the rest without a word, and enter saved the
// text cut in the middle of a word.
func pasteWithin(ti textinput.Model, msg tea.PasteMsg, limit int) (textinput.Model, tea.Cmd, string) {
	s := oneLine(msg.Content)
	if n := len(ti.Value()) + len(s); n > limit {
		return ti, nil, fmt.Sprintf("Not pasted: its %d bytes would make the field %d bytes long, over its limit of %d bytes. Nothing was added.", len(s), n, limit)
	}
	ti, cmd := ti.Update(tea.PasteMsg{Content: s})
	return ti, cmd, ""
}

// typeWithin gives a one-line field a key press unless it would make
// what the field holds longer than limit bytes: then the field is left as
// it was and why is returned. The field's own CharLimit counts
// characters, and the store counts bytes (assess.MaxTextLength), so
// accented or CJK text passed the field and was refused only at saving.
func typeWithin(ti textinput.Model, msg tea.KeyPressMsg, limit int) (textinput.Model, tea.Cmd, string) {
	before := ti
	ti, cmd := ti.Update(msg)
	if n := len(ti.Value()); n > limit && n > len(before.Value()) {
		return before, nil, fmt.Sprintf("Not typed: the field would be %d bytes long, over its limit of %d bytes (accented letters and other scripts take 2 to 4 bytes a character).", n, limit)
	}
	return ti, cmd, ""
}

// pasteTooLong says why a paste into a form's field is refused: with it
// the field would hold more than limit characters. huh's field kept what
// fits and dropped the rest without a word, and the form was submitted
// with the text cut in the middle of a sentence. Nothing when it fits.
func pasteTooLong(field huh.Field, msg tea.PasteMsg, limit int) string {
	held, _ := field.GetValue().(string)
	s := cleanBlock(msg.Content)
	if n := utf8.RuneCountInString(held) + utf8.RuneCountInString(s); n > limit {
		return fmt.Sprintf("Not pasted: its %d characters would make the field %d long, over its limit of %d. Nothing was added.", utf8.RuneCountInString(s), n, limit)
	}
	return ""
}

// limited sets a form field's character limit and notes it in limits,
// for pasteTooLong.
func limited[F interface {
	huh.Field
	CharLimit(int) F
}](limits map[huh.Field]int, f F, n int) F {
	limits[f] = n
	return f.CharLimit(n)
}
