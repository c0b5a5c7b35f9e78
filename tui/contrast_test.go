package tui

import (
	"image/color"
	"math"
	"regexp"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Every colour the workspace draws text in, the footer's key hints
// included, reads on the background it was chosen for: a contrast of at
// least 4.5:1 (WCAG AA for body text) against black on a dark terminal and
// white on a light one. The help bubble's own greys (#4A4A4A, #3C3C3C on
// black) did not, and on a 16-colour terminal its separators became black
// on black.
func TestTextColoursReadOnTheirBackground(t *testing.T) {
	fg := regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?38;2;(\d+);(\d+);(\d+)`)
	white := [3]float64{255, 255, 255}
	for _, c := range []struct {
		name     string
		light    bool
		answered color.Color // the terminal's answer to the background query
		bg       [3]float64
	}{
		{"dark", false, nil, [3]float64{0, 0, 0}},
		{"light", true, nil, white},
		{"answered light", false, color.White, white},
	} {
		var m tea.Model = New(Deps{LightBackground: c.light})
		if c.answered != nil {
			m, _ = m.Update(tea.BackgroundColorMsg{Color: c.answered})
		}
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
		view := m.(Model).View().Content
		found := fg.FindAllStringSubmatch(view, -1)
		if len(found) == 0 {
			t.Fatalf("%s: no colours drawn:\n%q", c.name, view)
		}
		seen := map[string]bool{}
		for _, f := range found {
			if seen[f[0]] {
				continue
			}
			seen[f[0]] = true
			var rgb [3]float64
			for i := range rgb {
				v, _ := strconv.Atoi(f[i+1])
				rgb[i] = float64(v)
			}
			if r := contrast(rgb, c.bg); r < 4.5 {
				t.Errorf("%s background: text in rgb(%s,%s,%s) has contrast %.1f:1, want at least 4.5:1", c.name, f[1], f[2], f[3], r)
			}
		}
	}
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
