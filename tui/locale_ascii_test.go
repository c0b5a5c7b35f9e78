package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// walkScreens opens, in a workspace drawn under d, the portfolio, its
// keys, the new-assessment form, an interview, the review, the plan and
// the report, and calls check with each screen's name and frame.
func walkScreens(t *testing.T, ascii bool, check func(name, screen string)) {
	e := screensEnv(t)
	e.create("vendor-security-screen", "東京 Café Zoë") // a subject named in a script ASCII lacks
	d := e.deps()
	d.ExportDir = ""
	d.ASCII = ascii
	f := e.startWith(d)
	f.waitFor("5 of 5", "Reassessment:")
	check("home", f.screen())
	// open presses key on this year's Payroll system, #2: answered, with
	// a plan and a risk matrix; home keeps the filter, and esc clears it.
	open := func(key string) {
		f.press("/")
		f.typeText("Payroll")
		f.press("enter")
		f.waitFor("2 of 5")
		f.press(key)
	}
	for _, v := range []struct{ key, shown, name string }{
		{"enter", "[Interview]", "interview"}, {"r", "[Scores]", "review"},
		{"p", "[Plan]", "plan"}, {"m", "[Report]", "report"},
	} {
		open(v.key)
		f.waitFor(v.shown, "#2 Payroll system")
		if v.key == "m" {
			f.waitGone("Rendering")
		}
		check(v.name, f.screen())
		f.press("esc")
		f.waitFor("2 of 5")
		f.press("esc")
		f.waitFor("5 of 5")
	}
	f.press("?")
	f.waitFor("Keys on this screen")
	check("home keys", f.screen())
	f.press("esc")
	f.waitGone("Keys on this screen")
	f.press("n")
	f.waitFor("Questionnaire", "The subject is a")
	check("new", f.screen())
	f.press("esc")
	f.waitFor("5 of 5")
	f.quit()
}

// Under LANG=C or LC_ALL=POSIX the terminal draws bytes, not UTF-8: the
// workspace's rules, borders, marks and arrows (─ │ ┃ ✓ ▸ › · … ← →)
// came out as two or three characters of garbage each, and every line
// holding one ran past the edge. With Deps.ASCII every screen is ASCII,
// each glyph drawn as one ASCII character in its one cell, and text ASCII
// cannot draw (a subject named in Japanese, accented letters) as a ? a
// cell: the layout holds, and nothing stored changes.
func TestWorkspaceDrawsASCIIWhereTheLocaleIsNotUTF8(t *testing.T) {
	wide := map[string]bool{}
	walkScreens(t, false, func(name, screen string) {
		wide[name] = strings.ContainsFunc(screen, func(r rune) bool { return r >= 0x80 })
	})
	walkScreens(t, true, func(name, screen string) {
		if name == "home" && !strings.Contains(screen, "???? Caf? Zo?") {
			t.Errorf("home: the subject 東京 Café Zoë is not drawn as ???? Caf? Zo?:\n%s", screen)
		}
		if !wide[name] {
			t.Errorf("%s: drawn in UTF-8 it has no glyph beyond ASCII; the screen proves nothing", name)
		}
		for i, l := range strings.Split(screen, "\n") {
			if j := strings.IndexFunc(l, func(r rune) bool { return r >= 0x80 }); j >= 0 {
				t.Errorf("%s line %d draws %q beyond ASCII:\n%s", name, i+1, []rune(l[j:])[0], screen)
				break
			}
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("%s line %d is %d cells wide, more than 80: %q", name, i+1, w, l)
			}
		}
	})
}
