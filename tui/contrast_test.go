package tui

import (
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Every colour the workspace draws text in, the footer's key hints
// included, reads on the background it was chosen for: a contrast of at
// least 4.5:1 (WCAG AA for body text) against black on a dark terminal and
// white on a light one. The help bubble's own greys (#4A4A4A, #3C3C3C on
// black) did not, and on a 16-colour terminal its separators became black
// on black. On a 16-colour light terminal the filter's placeholder was
// bright black on white (3.9:1), the same terminal dark had titles in
// bright blue on black (2.4:1).
func TestTextColoursReadOnTheirBackground(t *testing.T) {
	white := [3]float64{255, 255, 255}
	for _, c := range []struct {
		name     string
		light    bool
		answered color.Color // the terminal's answer to the background query
		bg       [3]float64
		colours  colorprofile.Profile // as the terminal says; 0: not said
	}{
		{"dark", false, nil, [3]float64{0, 0, 0}, 0},
		{"light", true, nil, white, 0},
		{"answered light", false, color.White, white, 0},
		{"16-colour dark", false, nil, [3]float64{0, 0, 0}, colorprofile.ANSI},
		{"16-colour light", true, nil, white, colorprofile.ANSI},
		{"256-colour light", true, nil, white, colorprofile.ANSI256},
	} {
		var m tea.Model = New(Deps{LightBackground: c.light})
		if c.answered != nil {
			m, _ = m.Update(tea.BackgroundColorMsg{Color: c.answered})
		}
		if c.colours != 0 {
			m, _ = m.Update(tea.ColorProfileMsg{Profile: c.colours})
		}
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
		drawn := func() string {
			// As Bubble Tea writes it: each colour swapped for the
			// nearest the terminal has.
			v := m.(Model).View().Content
			if c.colours == 0 {
				return v
			}
			var b strings.Builder
			w := &colorprofile.Writer{Forward: &b, Profile: c.colours}
			_, _ = w.WriteString(v)
			return b.String()
		}
		checkContrast(t, c.name, drawn(), c.bg)
		// The filter's field: its prompt and placeholder (the text
		// input's own were silver and #585858).
		m, _ = m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
		checkContrast(t, c.name+", filtering", drawn(), c.bg)
	}
}

// checkContrast fails the test for each colour of text in view that does
// not reach 4.5:1 against bg.
func checkContrast(t *testing.T, name, view string, bg [3]float64) {
	t.Helper()
	colours := foregrounds(view)
	if len(colours) == 0 {
		t.Fatalf("%s: no colours drawn:\n%q", name, view)
	}
	for said, rgb := range colours {
		if r := contrast(rgb, bg); r < 4.5 {
			t.Errorf("%s background: text in %s has contrast %.1f:1, want at least 4.5:1", name, said, r)
		}
	}
}

// foregrounds are the text colours view's SGR sequences set, by how they
// were written: 24-bit, 256-colour and the 16 basic ones (as xterm draws
// the indexed ones).
func foregrounds(view string) map[string][3]float64 {
	indexed := func(n int) [3]float64 {
		r, g, b, _ := ansi.IndexedColor(n).RGBA()
		return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
	}
	out := map[string][3]float64{}
	for _, seq := range regexp.MustCompile(`\x1b\[([0-9;]*)m`).FindAllStringSubmatch(view, -1) {
		ps := strings.Split(seq[1], ";")
		num := func(i int) int {
			if i >= len(ps) {
				return -1
			}
			n, err := strconv.Atoi(ps[i])
			if err != nil {
				return -1
			}
			return n
		}
		for i := 0; i < len(ps); i++ {
			switch p := num(i); {
			case (p == 38 || p == 48) && num(i+1) == 2:
				if p == 38 {
					out["rgb("+strings.Join(ps[i+2:i+5], ",")+")"] = [3]float64{float64(num(i + 2)), float64(num(i + 3)), float64(num(i + 4))}
				}
				i += 4
			case (p == 38 || p == 48) && num(i+1) == 5:
				if p == 38 {
					out["colour "+ps[i+2]] = indexed(num(i + 2))
				}
				i += 2
			case p >= 30 && p <= 37:
				out["colour "+strconv.Itoa(p-30)] = indexed(p - 30)
			case p >= 90 && p <= 97:
				out["colour "+strconv.Itoa(p-90+8)] = indexed(p - 90 + 8)
			}
		}
	}
	return out
}

// contrast is the WCAG 2 contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}
