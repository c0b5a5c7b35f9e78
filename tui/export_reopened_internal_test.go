package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
)

// The report and the trail screens, left while their export was still
// being written and opened again, knew nothing of it: e on the screen
// opened again offered a new file name prompt, and the first export's
// answer (a file already there: replace it?) then came to it over that
// prompt, where the y of "yearly.pdf" replaced the first file; an answer
// that came while another screen showed was lost. The export is now the
// workspace's: e waits for it on any screen, its answer asks on the
// screen of the same export opened again, and is said on the status line
// when another screen shows, nothing replaced.
func TestExportLeftAndReopenedWhileWritten(t *testing.T) {
	const first = "/tmp/first-export.md"
	tab := tea.KeyPressMsg{Code: tea.KeyTab}
	shiftTab := tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	cases := map[string]struct {
		open  func(m Model) Model // shows the screen, from the Review
		leave []tea.Msg           // leaves it for the Review
	}{
		"report": {
			open:  func(m Model) Model { return send(m, tab, tab) }, // the plan, then the report
			leave: []tea.Msg{shiftTab, shiftTab},
		},
		"trail": {
			open: func(m Model) Model {
				return send(m, trailLoadedMsg{id: 1, subject: "Loan model", verdict: history.Verdict{Intact: true}, entries: longTrail(3), back: m.cur})
			},
			leave: []tea.Msg{keyOf("esc")},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sh := exportShell(t)
			m := Model{sh: sh, cur: newReview(sh), help: help.New()}
			m = tc.open(m)
			m = send(m, keyOf("e"))
			if !strings.Contains(shown(m), "Export to:") {
				t.Fatalf("e opened no file name prompt:\n%s", shown(m))
			}
			m = send(m, keyOf("enter")) // the name offered: written off the update loop
			m = send(m, tc.leave...)
			m = tc.open(m)
			m = send(m, keyOf("e"))
			if s := shown(m); strings.Contains(s, "Export to:") || !strings.Contains(s, "still being written") {
				t.Fatalf("e on the screen opened again, the first export still written:\n%s", s)
			}
			m = send(m, exportedMsg{path: first, exists: true})
			if s := shown(m); !strings.Contains(s, "Already there:") || !strings.Contains(s, "first-export") {
				t.Fatalf("the first export's question is not asked on the screen opened again:\n%s", s)
			}
			m = send(m, keyOf("n"))
			if s := shown(m); !strings.Contains(s, "Export to:") {
				t.Errorf("n opened no file name prompt:\n%s", s)
			}
			m = send(m, keyOf("esc"))

			// The answer of an export while another screen shows is said.
			m = send(m, keyOf("e"), keyOf("enter"))
			m = send(m, tc.leave...)
			m = send(m, exportedMsg{path: first, exists: true})
			if s := shown(m); !strings.Contains(s, "not exported") || !strings.Contains(s, "first-export") {
				t.Errorf("an export's answer that came on the Review is not said:\n%s", s)
			}
			m = tc.open(m)
			if s := shown(m); strings.Contains(s, "Already there:") {
				t.Errorf("a question said on the status line is asked again:\n%s", s)
			}
			m = send(m, keyOf("e"))
			if s := shown(m); !strings.Contains(s, "Export to:") {
				t.Errorf("e, the export answered, opened no file name prompt:\n%s", s)
			}
		})
	}
}

// send gives the workspace msgs in turn, dropping the commands they
// return: the test sends their answers itself.
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}

// shown is the workspace's frame, its styles stripped, on one line per
// row joined by spaces: a message wrapped counts as said.
func shown(m Model) string {
	return strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " ")
}
