package tui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// A terminal that says in COLORFGBG that its background is light, but does
// not answer the background query (or answers it late, or through tmux or
// screen that keep it), gets the light palette from the start: the dark
// palette's yellow and green are unreadable on white.
func TestLightBackgroundFromCOLORFGBG(t *testing.T) {
	for _, c := range []struct {
		v     string
		light bool
	}{
		{"0;15", true}, {"0;7", true}, {"0;default;15", true}, {"12;11", true},
		{"15;0", false}, {"7;8", false}, {"default;default", false}, {"", false}, {"15", false}, {"0;x", false},
	} {
		if got := LightBackground(c.v); got != c.light {
			t.Errorf("COLORFGBG=%q: light %v, want %v", c.v, got, c.light)
		}
	}
	light := New(Deps{LightBackground: true})
	if light.sh.dark {
		t.Fatal("LightBackground: the workspace starts with the dark palette")
	}
	if light.sh.st.p != newPalette(false, colorprofile.TrueColor) {
		t.Error("LightBackground: the styles are not the light palette's")
	}
	if View := light.View().Content; !strings.Contains(View, "38;2;90;86;224") {
		t.Errorf("the title is not drawn in the light accent:\n%q", View)
	}
	// The terminal's own answer, when it comes, decides.
	m, _ := light.Update(tea.BackgroundColorMsg{Color: color.Black})
	if !m.(Model).sh.dark {
		t.Error("a dark background reported by the terminal does not override COLORFGBG")
	}
	if New(Deps{}).sh.dark != true {
		t.Error("without COLORFGBG the workspace does not start dark")
	}
}
