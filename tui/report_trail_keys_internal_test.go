package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
)

// Every key, pressed on the report and the trail screens on terminals a
// line to a few lines high and one to twenty columns wide, for subjects
// named with escape sequences, bidi controls, right-to-left text, a tab
// and a line break, or at great length, with the answers of the exports
// the keys start (a file there, a failure, a file written) and a pasted
// name full of the same: no screen panics, draws more lines than it is
// given, or lets an escape sequence or a bidi control through.
func TestEveryKeyOnTheReportAndTrailAtSmallSizes(t *testing.T) {
	names, keys := hostileNames, everyKey("eyn/aG?gqjkhlxD0.-~")
	hostilePaste := tea.PasteMsg{Content: "\x1b]0;pwned\x07/tmp/\u202er.md\x1b[2J"}
	answers := []exportedMsg{{path: "/tmp/\x1b[31mr.md", exists: true}, {path: "/tmp/r.md", err: fmt.Errorf("no room \x1b[2J left")}, {path: "/tmp/\u202er.md"}}
	for _, name := range names {
		for _, size := range [][2]int{{1, 1}, {3, 1}, {10, 2}, {20, 2}, {20, 3}, {40, 1}} {
			w, h := size[0], size[1]
			open := map[string]func(sh *shell) screen{
				"report": func(sh *shell) screen { return newReport(sh) },
				"trail": func(sh *shell) screen {
					return newTrail(sh, trailLoadedMsg{id: 1, subject: name, verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
				},
			}
			for which, opened := range open {
				sh := exportShell(t)
				sh.sess.a.Subject = name
				sh.width, sh.height = w, h
				s := opened(sh)
				for i, k := range keys {
					for _, msg := range []tea.Msg{k, k, hostilePaste, k} {
						s, _ = s.Update(msg)
						check(t, which, name, w, h, s)
					}
					if sh.exports.writing != nil {
						msg := answers[i%len(answers)]
						s, _ = s.Update(exportAnswer{job: sh.exports.answered(msg), exportedMsg: msg})
						check(t, which, name, w, h, s)
					}
				}
			}
		}
	}
}

// hostileNames are subject names no screen may let through as they
// are: escape sequences, bidi controls in right-to-left text, a tab and
// a line break, and a name longer than any line.
var hostileNames = []string{"\x1b[31mRed\x1b]0;pwned\x07 Ltd", strings.Repeat("A very long subject name ", 12), "שלום עולם \u202eevil\u202c", "tab\there\nand a line"}

// everyKey is each of letters pressed, and every key that moves or
// edits: enter, esc, tab, the arrows, the page keys, home, end and
// backspace.
func everyKey(letters string) []tea.Msg {
	var keys []tea.Msg
	for _, r := range letters {
		keys = append(keys, keyOf(string(r)))
	}
	for _, code := range []rune{tea.KeyEnter, tea.KeyEscape, tea.KeyTab, tea.KeyUp, tea.KeyDown, tea.KeyPgUp, tea.KeyPgDown, tea.KeyHome, tea.KeyEnd, tea.KeyBackspace} {
		keys = append(keys, tea.KeyPressMsg{Code: code})
	}
	return keys
}

func check(t *testing.T, which, name string, w, h int, s screen) {
	t.Helper()
	out := s.View(w, h)
	if n := strings.Count(out, "\n") + 1; n > h {
		t.Fatalf("%s of %.12q at %dx%d: %d lines drawn:\n%s", which, name, w, h, n, out)
	}
	plain := ansi.Strip(out)
	if strings.ContainsAny(plain, "\x1b\x07\u202e\u202c") {
		t.Fatalf("%s of %.12q at %dx%d lets a control through: %q", which, name, w, h, plain)
	}
}
