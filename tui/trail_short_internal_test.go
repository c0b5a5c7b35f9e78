package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
)

// On a terminal left two lines or one for the trail, the screen draws
// no more lines than it is given, in every state: reading, typing a
// filter or a file name, asking whether to replace a file, saying what
// became of an export. The line too many was cut by the frame: the
// file name or filter being typed, or the footer, went unseen.
// The question whether to replace a file is what is kept when there is
// room for one line only: y or n answers it.
func TestTrailOnAShortTerminal(t *testing.T) {
	states := map[string]func(s *trailScreen){
		"reading":   func(s *trailScreen) {},
		"filtering": func(s *trailScreen) { s.press("/"); s.typeText("ana") },
		"naming":    func(s *trailScreen) { s.export.typing = true },
		"exported":  func(s *trailScreen) { s.answered(exportedMsg{path: "/tmp/x.txt"}) },
		"failed": func(s *trailScreen) {
			s.answered(exportedMsg{path: "/tmp/x.txt", err: errors.New("/tmp is not a folder; nothing was written")})
		},
		"overwrite": func(s *trailScreen) { s.answered(exportedMsg{path: "/tmp/x.txt", exists: true}) },
	}
	for name, set := range states {
		for _, h := range []int{1, 2, 3} {
			t.Run(fmt.Sprintf("%s-%d", name, h), func(t *testing.T) {
				sh := &shell{st: newStyles(true), width: 40, height: h, saves: &saver{}}
				s := newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", verdict: history.Verdict{Intact: true}, entries: longTrail(5)})
				set(s)
				out := s.View(40, h)
				if got := strings.Count(out, "\n") + 1; got > h {
					t.Errorf("%d lines drawn on %d:\n%s", got, h, out)
				}
				if name == "overwrite" && !strings.Contains(ansi.Strip(out), "y overwrites it") {
					t.Errorf("the question whether to replace the file is not shown:\n%s", out)
				}
			})
		}
	}
}
