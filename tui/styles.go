package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// palette is every colour the workspace draws text in, chosen for the
// terminal's background and colour depth. With NO_COLOR or a monochrome
// terminal, Bubble Tea drops the colours and the layout and symbols still
// carry the meaning. Each reads at 4.5:1 or more on its background
// (TestPaletteReadsAtEveryColourDepth).
type palette struct {
	accent, muted, text, ok, warn, bad, critical color.Color
}

// newPalette is the palette for a light or dark background on a terminal
// of the given colour depth. A 24-bit colour is drawn as it is and its
// nearest of the 256 reads as well; of the 16, the nearest can be too
// faint, and those are chosen here instead.
func newPalette(dark bool, profile colorprofile.Profile) palette {
	ld := lipgloss.LightDark(dark)
	p := palette{
		accent:   ld(lipgloss.Color("#5A56E0"), lipgloss.Color("#9F9BFF")),
		muted:    ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8C8C8C")),
		text:     ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6")),
		ok:       ld(lipgloss.Color("#1E7F3A"), lipgloss.Color("#5FD38A")),
		warn:     ld(lipgloss.Color("#8A6100"), lipgloss.Color("#F2C14E")),
		bad:      ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7A70")),
		critical: ld(lipgloss.Color("#7A0A52"), lipgloss.Color("#FF5FD2")),
	}
	if profile == colorprofile.ANSI {
		// The light grey's nearest is bright black (#808080 in xterm),
		// 3.9:1 on white: no grey of the 16 reads there, so muted text
		// is the terminal's own foreground. The dark lavender's nearest
		// is bright blue (#0000FF), 2.4:1 on black: bright magenta is
		// the violet the 16 have that reads (6.7:1).
		if dark {
			p.accent = ansi.BrightMagenta
		} else {
			p.muted = lipgloss.NoColor{}
		}
	}
	return p
}

// styles are built once per background from the palette.
type styles struct {
	p                             palette
	title, muted, bold, selected  lipgloss.Style
	ok, warn, bad, critical, tab  lipgloss.Style
	activeTab, key, footer, error lipgloss.Style
	box                           lipgloss.Style
	// colourless is a terminal that draws no colour (NO_COLOR, TERM=dumb),
	// where italics and greys may not show either: the report view marks
	// its own words in italics otherwise there (ownWords).
	colourless bool
}

// newStyles are the styles for a background on a terminal of 24-bit
// colour, until the terminal says otherwise (restyle).
func newStyles(dark bool) styles { return stylesFor(dark, colorprofile.TrueColor) }

func stylesFor(dark bool, profile colorprofile.Profile) styles {
	p := newPalette(dark, profile)
	s := lipgloss.NewStyle
	return styles{
		p:          p,
		title:      s().Bold(true).Foreground(p.accent),
		muted:      s().Foreground(p.muted),
		bold:       s().Bold(true),
		selected:   s().Bold(true).Foreground(p.accent),
		ok:         s().Foreground(p.ok),
		warn:       s().Foreground(p.warn),
		bad:        s().Foreground(p.bad),
		critical:   s().Bold(true).Foreground(p.critical),
		tab:        s().Foreground(p.muted),
		activeTab:  s().Bold(true).Foreground(p.accent),
		key:        s().Bold(true).Foreground(p.accent),
		footer:     s().Foreground(p.muted),
		error:      s().Bold(true).Foreground(p.bad),
		box:        s().Border(lipgloss.RoundedBorder()).BorderForeground(p.muted).Padding(0, 1),
		colourless: profile <= colorprofile.ASCII,
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
