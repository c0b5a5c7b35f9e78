package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
)

// tab on a file name that names no file (emptied, or a folder ending in
// /) gave ".json", a hidden file of no name, which enter then wrote: it
// now gives the trail's own name in the other format, in that folder or
// the export folder.
func TestTrailExportTabOnNoName(t *testing.T) {
	sh := &shell{st: newStyles(true), width: 80, height: 24, saves: &saver{},
		deps: Deps{ExportDir: "/exports", TrailFile: func(string, history.Trail) ([]byte, error) { return nil, nil },
			WriteFile: func(string, []byte) error { return nil }}}
	s := newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
	tab := tea.KeyPressMsg{Code: tea.KeyTab}
	for typed, want := range map[string]string{
		"":                  "/exports/acme-7-trail.json",
		"   ":               "/exports/acme-7-trail.json",
		"/elsewhere/":       "/elsewhere/acme-7-trail.json",
		"/elsewhere/x":      "/elsewhere/x.json",
		"/elsewhere/x.json": "/elsewhere/x.txt",
	} {
		s.press("e")
		s.export.path.SetValue(typed)
		s.Update(tab)
		if got := s.export.path.Value(); got != want {
			t.Errorf("tab on %q gave %q, want %q", typed, got, want)
		}
		s.press("esc")
	}
}

// While the screen asks whether to replace a file, its bottom line said
// "esc back to the portfolio", but esc there goes back to the file name;
// and an export of a filter that matched nothing said it exported "the 0
// records shown".
func TestTrailExportSaysWhatKeysAndFilesDo(t *testing.T) {
	sh := &shell{st: newStyles(true), width: 100, height: 24, saves: &saver{}}
	s := newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
	s.answered(exportedMsg{path: "/tmp/x.txt", exists: true})
	out := ansi.Strip(s.View(100, 24))
	if strings.Contains(out, "esc back to the portfolio") || !strings.Contains(out, "n or esc chooses another name") {
		t.Errorf("asking whether to replace a file:\n%s", out)
	}
	s.press("n", "esc")
	s.answered(exportedMsg{path: "/tmp/x.txt"})
	if out = ansi.Strip(s.View(100, 24)); !strings.Contains(out, "Exported to /tmp/x.txt: no record is shown, so the file holds none.") {
		t.Errorf("an export of no record:\n%s", out)
	}
}
