package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/assay-dev/assay/assess"
)

// palette is every colour the workspace uses, chosen for the terminal's
// background. With NO_COLOR or a monochrome terminal, Bubble Tea drops the
// colours and the layout and symbols still carry the meaning.
type palette struct {
	accent, muted, text, ok, warn, bad, critical, selBg color.Color
}

func newPalette(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	return palette{
		accent:   ld(lipgloss.Color("#5A56E0"), lipgloss.Color("#9F9BFF")),
		muted:    ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8C8C8C")),
		text:     ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6")),
		ok:       ld(lipgloss.Color("#1E7F3A"), lipgloss.Color("#5FD38A")),
		warn:     ld(lipgloss.Color("#8A6100"), lipgloss.Color("#F2C14E")),
		bad:      ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7A70")),
		critical: ld(lipgloss.Color("#7A0A52"), lipgloss.Color("#FF5FD2")),
		selBg:    ld(lipgloss.Color("#E4E2FF"), lipgloss.Color("#2E2B5F")),
	}
}

// styles are built once per background from the palette.
type styles struct {
	p                             palette
	title, muted, bold, selected  lipgloss.Style
	ok, warn, bad, critical, tab  lipgloss.Style
	activeTab, key, footer, error lipgloss.Style
	box                           lipgloss.Style
}

func newStyles(dark bool) styles {
	p := newPalette(dark)
	s := lipgloss.NewStyle
	return styles{
		p:         p,
		title:     s().Bold(true).Foreground(p.accent),
		muted:     s().Foreground(p.muted),
		bold:      s().Bold(true),
		selected:  s().Bold(true).Foreground(p.accent),
		ok:        s().Foreground(p.ok),
		warn:      s().Foreground(p.warn),
		bad:       s().Foreground(p.bad),
		critical:  s().Bold(true).Foreground(p.critical),
		tab:       s().Foreground(p.muted),
		activeTab: s().Bold(true).Foreground(p.accent),
		key:       s().Bold(true).Foreground(p.accent),
		footer:    s().Foreground(p.muted),
		error:     s().Bold(true).Foreground(p.bad),
		box:       s().Border(lipgloss.RoundedBorder()).BorderForeground(p.muted).Padding(0, 1),
	}
}

// helpStyles are the footer's key hints in the palette: the help
// bubble's own greys (#4A4A4A and #3C3C3C on a dark background) are too
// faint to read, and turn black on black on a 16-colour terminal. Keys in
// the text colour, what they do and the separators muted.
func (st styles) helpStyles() help.Styles {
	key := lipgloss.NewStyle().Foreground(st.p.text)
	return help.Styles{
		ShortKey: key, ShortDesc: st.muted, ShortSeparator: st.muted, Ellipsis: st.muted,
		FullKey: key, FullDesc: st.muted, FullSeparator: st.muted,
	}
}

// inputStyles are a text field's in the palette: the text input's own
// draw the prompt and cursor in silver (faint on white) and the
// placeholder in #585858 (faint on black). A field takes them as it gets
// the focus, when the terminal has said its background.
func (st styles) inputStyles() textinput.Styles {
	s := textinput.DefaultStyles(true)
	for _, state := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		state.Placeholder = st.muted
		state.Suggestion = st.muted
		state.Prompt = lipgloss.NewStyle().Foreground(st.p.text)
		state.Text = lipgloss.NewStyle()
	}
	s.Blurred.Text = st.muted
	s.Cursor.Color = st.p.text
	return s
}

// severity colours a severity or level by how bad it is.
func (st styles) severity(s assess.Severity) lipgloss.Style {
	switch s {
	case assess.Critical:
		return st.critical
	case assess.High:
		return st.bad
	case assess.Medium:
		return st.warn
	case assess.Low:
		return st.ok
	}
	return st.muted
}

// rank colours a level by its position on its scale (0 = least severe).
func (st styles) rank(rank, of int) lipgloss.Style {
	if rank < 0 || of <= 0 {
		return st.muted
	}
	switch {
	case of == 1 || rank == 0:
		return st.ok
	case rank == of-1:
		return st.critical
	case rank*2 >= of:
		return st.bad
	}
	return st.warn
}

// levelStyle colours a level by its rank; a level not rated yet (the
// answers still to come could change it) is muted, not alarming.
func levelStyle(st styles, l assess.LevelResult) lipgloss.Style {
	if l.Unsettled {
		return st.muted
	}
	return st.rank(l.Rank, l.Of)
}
