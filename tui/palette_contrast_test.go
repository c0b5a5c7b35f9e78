package tui

import (
	"image/color"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// Every colour of the palette reads on the background it was chosen for,
// light and dark, at every colour depth a terminal may have: the
// terminal draws a 24-bit colour as it is, but on a 256- or 16-colour
// terminal Bubble Tea swaps it for the nearest it has, and that is what
// the person sees. WCAG AA asks 4.5:1 of body text; every colour here is
// text (the border of a box is drawn in muted too, and meets the same
// bar, so no colour needs the 3:1 allowed for large or decorative
// marks). The risk matrix draws a cell in reverse (the terminal's
// background on the severity's colour): the same pair, the same ratio.
// With the xterm colours the 16 are measured by, the light palette's
// muted became grey #808080 on white, 3.9:1 (placeholders, hints, the
// footer), and the dark accent blue #0000FF on black, 2.4:1 (titles,
// the selected row, keys).
func TestPaletteReadsAtEveryColourDepth(t *testing.T) {
	for _, dark := range []bool{false, true} {
		bg, variant := [3]float64{255, 255, 255}, "light"
		if dark {
			bg, variant = [3]float64{0, 0, 0}, "dark"
		}
		for _, profile := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
			p := newPalette(dark, profile)
			for _, c := range []struct {
				name string
				c    color.Color
			}{
				{"accent", p.accent}, {"muted", p.muted}, {"text", p.text}, {"ok", p.ok},
				{"warn", p.warn}, {"bad", p.bad}, {"critical", p.critical},
			} {
				if _, none := c.c.(lipgloss.NoColor); none {
					continue // the terminal's own foreground on its own background
				}
				drawn := profile.Convert(c.c)
				r, g, b, _ := drawn.RGBA()
				fg := [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
				if ratio := contrast(fg, bg); ratio < 4.5 {
					t.Errorf("%s palette, %s: %s drawn as %v has contrast %.2f:1, want at least 4.5:1", variant, profile, c.name, drawn, ratio)
				}
			}
		}
	}
}
