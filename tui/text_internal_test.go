package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// fit and pad give what measuring every grapheme gives, for text the fast
// path takes (ASCII, SGR colours) and text it leaves (wide characters,
// accents, other escapes, controls).
func TestFitAndPadAsBefore(t *testing.T) {
	oldFit := func(s string, width int) string {
		if width <= 0 {
			return ""
		}
		return ansi.Truncate(s, width, "…")
	}
	oldPad := func(s string, width int) string {
		s = oldFit(s, width)
		if w := lipgloss.Width(s); w < width {
			s += strings.Repeat(" ", width-w)
		}
		return s
	}
	bold := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#ff0000"))
	texts := []string{
		"", "a", "Acme Cloud Ltd", strings.Repeat("x", 200), bold.Render("high") + " rest", "\x1b[1;38;2;255;0;0mred\x1b[m",
		"Ünïcode Café", "漢字テスト", "e\u0301", "tab\there", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "\x1b[2Jclear", "\x1b[", "\x1b[31",
		"emoji 👍🏽 ok", "\x7f", bold.Render("漢字"), "▸ row…", "a → b · c", "…\u0301x", "▸\u200dx", "⇄", "• last•",
	}
	for _, s := range texts {
		for _, w := range []int{0, 1, 3, 4, 5, 12, 14, 40, 300} {
			if got, want := fit(s, w), oldFit(s, w); got != want {
				t.Errorf("fit(%q, %d) = %q, want %q", s, w, got, want)
			}
			if got, want := pad(s, w), oldPad(s, w); got != want {
				t.Errorf("pad(%q, %d) = %q, want %q", s, w, got, want)
			}
		}
		if w, ok := plainWidth(s); ok && w != ansi.StringWidth(s) {
			t.Errorf("plainWidth(%q) = %d, ansi says %d", s, w, ansi.StringWidth(s))
		}
	}
	for _, s := range []string{"Acme " + bold.Render("Cloud"), "▸ 3  Acme Cloud… draft", "a → b"} {
		if _, ok := plainWidth(s); !ok {
			t.Errorf("%q does not take the fast path", s)
		}
	}
}
