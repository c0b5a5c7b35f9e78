package tui

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/history"
	"github.com/charmbracelet/x/ansi"
)

// The report's and the trail's export prompts say what ~/ is, as
// accessible mode's prompts do: they said only where a name without a
// folder goes, and someone who typed ~/reports/r.md could not tell from
// the screen whether it meant their home folder or a folder named ~. On
// 80 columns the line stays one line, and a long start folder is what is
// shortened, from its start, not the words about ~/. Without a home
// folder (~/ is refused then) nothing is said of it.
func TestExportPromptsSayWhatTheHomeFolderIs(t *testing.T) {
	const home = "/home/ana"
	dirs := []string{"/home/ana/work", "/home/ana/projects/vendor-reviews/2026/first-quarter/committee-papers"}
	for name, open := range exportingScreens {
		for _, dir := range dirs {
			for _, withHome := range []bool{true, false} {
				sh := exportShell(t)
				sh.deps.ExportDir = dir
				if withHome {
					sh.deps.Home = home
				}
				sh.deps.TrailFile = func(string, history.Trail) ([]byte, error) { return nil, nil }
				s, _ := open(sh).Update(keyOf("e"))
				view := ansi.Strip(s.View(80, 24))
				var hint string
				for _, l := range strings.Split(view, "\n") {
					if strings.Contains(l, "A name without a folder is written in") {
						hint = strings.TrimSpace(l)
						if w := ansi.StringWidth(l); w > 80 {
							t.Errorf("%s, %s: the hint is %d columns: %q", name, dir, w, l)
						}
					}
				}
				if hint == "" {
					t.Fatalf("%s, %s: the prompt does not say where a name without a folder goes:\n%s", name, dir, view)
				}
				if said := strings.HasSuffix(hint, "; ~/ is your home folder"); said != withHome {
					t.Errorf("%s, %s, home %v: the prompt says %q", name, dir, withHome, hint)
				}
				if !strings.Contains(hint, "committee-papers") && !strings.Contains(hint, dir) {
					t.Errorf("%s: the prompt shows neither the folder %s nor its end: %q", name, dir, hint)
				}
			}
		}
	}
}
