package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
)

// e pressed again while an export is still being written (a PDF laid
// out, a report waiting for the answers queued before it) opened a new
// file name prompt; the first export's answer, arriving then, put its
// question whether to replace the file over that prompt, and the keys of
// the name being typed answered it: the y of "yearly.pdf" replaced the
// first file, which nobody had said to replace. e now says the last
// export is still being written and opens nothing until its answer
// comes; the answer then asks, and y or n is typed for it alone.
func TestExportAgainBeforeTheLastIsWritten(t *testing.T) {
	const first = "/tmp/first-export.md"
	cases := map[string]struct {
		open     func(sh *shell) screen
		typing   func(s screen) bool
		name     func(s screen, path string) // types the file name over the one offered
		replaces func(s screen) string       // the file a question asks to replace
	}{
		"trail": {
			open:     exportingScreens["trail"],
			typing:   func(s screen) bool { return s.(*trailScreen).export.typing },
			name:     func(s screen, path string) { s.(*trailScreen).export.path.SetValue(path) },
			replaces: func(s screen) string { return s.(*trailScreen).export.overwrite },
		},
		"report": {
			open:     exportingScreens["report"],
			typing:   func(s screen) bool { return s.(*reportView).exporting },
			name:     func(s screen, path string) { s.(*reportView).path.SetValue(path) },
			replaces: func(s screen) string { return s.(*reportView).overwrite },
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sh := exportShell(t)
			var s screen = tc.open(sh)
			press := func(keys ...string) {
				for _, k := range keys {
					s, _ = s.Update(keyOf(k))
				}
			}
			press("e")
			if !tc.typing(s) {
				t.Fatal("e opened no file name prompt")
			}
			tc.name(s, first)
			press("enter") // written off the update loop: its answer comes later
			press("e")
			if tc.typing(s) {
				t.Errorf("e opened a file name prompt while %s was still being written", first)
			}
			if view := ansi.Strip(s.View(80, 24)); !strings.Contains(view, "still being written") {
				t.Errorf("e while an export is written says nothing of it:\n%s", view)
			}
			s, _ = s.Update(exportAnswer{job: sh.exports.answered(exportedMsg{path: first, exists: true}), exportedMsg: exportedMsg{path: first, exists: true}})
			if tc.replaces(s) != first || tc.typing(s) {
				t.Errorf("the answer asks to replace %q, a name prompt open: %v", tc.replaces(s), tc.typing(s))
			}
			press("n") // keeps the file: back to its name
			if tc.replaces(s) != "" || !tc.typing(s) {
				t.Errorf("n left the question (%q) or opened no prompt (%v)", tc.replaces(s), tc.typing(s))
			}
		})
	}
}

// exportShell is a workspace whose exports are never run here: the
// commands they return are dropped, and their answers sent by the test.
func exportShell(t *testing.T) *shell {
	t.Helper()
	a := &assess.Assessment{ID: 1, Subject: "Loan model", Questionnaire: parsed(t, "disagree.yaml"), AssessedOn: shortToday}
	sh := &shell{st: newStyles(true), width: 80, height: 24, saves: &saver{}}
	sh.deps = Deps{Today: func() assess.Date { return shortToday },
		WriteFile: func(string, []byte) error { t.Error("an export was run"); return nil },
		TrailFile: func(string, history.Trail) ([]byte, error) { t.Error("an export was run"); return nil, nil }}
	sh.sess = newSession(a, shortToday)
	sh.sess.saves = sh.saves
	return sh
}

// exportingScreens opens, on an export shell, each screen that exports:
// the report, rendered, and the trail of a few records.
var exportingScreens = map[string]func(sh *shell) screen{
	"report": func(sh *shell) screen { r := newReport(sh); r.rendered = true; return r },
	"trail": func(sh *shell) screen {
		return newTrail(sh, trailLoadedMsg{id: 1, subject: "Loan model", verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
	},
}

// answered gives the trail screen an export's answer, of an export of
// no record, as the root gives it to the screen showing it.
func (s *trailScreen) answered(msg exportedMsg) { s.exported(exportAnswer{exportedMsg: msg}) }
