package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// Every key, pressed on the portfolio and the plan on terminals a line
// to a few lines high, with subjects and findings named with escape
// sequences, bidi controls, a tab and a line break, or at great length
// (as TestEveryKeyOnTheReportAndTrailAtSmallSizes does for the report
// and the trail): no screen panics, draws more lines than it is given,
// or lets an escape sequence or a bidi control through. Both drew their
// count, the column headings and at least three rows whatever room
// they had, and the frame cut the rest: on one or two lines the row
// under the cursor was never seen.
func TestEveryKeyOnHomeAndPlanAtSmallSizes(t *testing.T) {
	names, keys := hostileNames, everyKey("/sAcCaMjkxyD0.-~?")
	hostilePaste := tea.PasteMsg{Content: "\x1b]0;pwned\x07ac\u202eme\x1b[2J"}
	for _, name := range names {
		for _, size := range [][2]int{{1, 1}, {3, 1}, {10, 2}, {20, 2}, {20, 3}, {40, 1}, {80, 2}} {
			w, h := size[0], size[1]
			for which, opened := range map[string]func() screen{
				"home":         func() screen { return shortHome(t, name, w, h, nil) },
				"home-loading": func() screen { return newHome(shortShell(t, name, w, h)) },
				"home-due-marked-failed": func() screen {
					return shortHome(t, name, w, h, func(s *home) {
						s.Update(dueLoadedMsg{due: []assess.DueSubject{{Subject: &assess.Subject{Name: name}, State: assess.DueOverdue, Due: shortToday}}})
						s.Update(keyOf("c"))
						s.Update(listLoadedMsg{err: errors.New("the server \x1b[2Jstopped"), request: s.request})
					})
				},
				"plan": func() screen { return newPlan(shortShell(t, name, w, h)) },
			} {
				s := opened()
				check(t, which, name, w, h, s)
				for _, k := range keys {
					for _, msg := range []tea.Msg{k, k, hostilePaste, k} {
						next, _ := s.Update(msg)
						switch next.(type) {
						case *home, *plan:
							s = next
						}
						if p, ok := s.(*plan); ok && p.form != nil {
							// A form's field shows what was pasted, as
							// typed: the frame drops its controls
							// (dropBidiAndHidden), and the field refuses
							// them (TestASubjectWithAHiddenControlIsRefusedOnTheField).
							checkLines(t, which, name, w, h, s)
							continue
						}
						check(t, which, name, w, h, s)
					}
				}
			}
		}
	}
}

// On one line the portfolio shows the row under the cursor, or the
// filter being typed, or "Loading…" (it showed a blank line, the count
// not yet there); the plan shows its row under the cursor. On two lines
// the count (and the plan's summary) comes with it.
func TestHomeAndPlanKeepTheirMostUsefulLineOnAShortTerminal(t *testing.T) {
	for _, tc := range []struct {
		name   string
		h      int
		open   func() screen
		want   []string
		absent string
	}{
		{"home loading", 1, func() screen { return newHome(shortShell(t, "Acme", 40, 1)) }, []string{"Loading…"}, ""},
		{"home row", 1, func() screen { return shortHome(t, "Acme", 60, 1, func(s *home) { s.Update(keyOf("j")) }) }, []string{"Acme 2"}, ""},
		{"home row and count", 2, func() screen { return shortHome(t, "Acme", 60, 2, func(s *home) { s.Update(keyOf("j")) }) }, []string{"Acme 2", "2 of 2"}, ""},
		{"home filtering", 1, func() screen {
			return shortHome(t, "Acme", 60, 1, func(s *home) { s.Update(keyOf("/")); s.Update(keyOf("2")) })
		}, []string{"/2"}, ""},
		{"home failed", 1, func() screen {
			return shortHome(t, "Acme", 60, 1, func(s *home) {
				s.Update(listLoadedMsg{err: errors.New("the server stopped"), request: s.request})
			})
		}, []string{"server stopped"}, ""},
		{"plan row", 1, func() screen { return newPlan(shortShell(t, "Acme", 60, 1)) }, []string{"mfa"}, "Due"},
		{"plan row and summary", 2, func() screen { return newPlan(shortShell(t, "Acme", 60, 2)) }, []string{"mfa", "1 item"}, "Due"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := ansi.Strip(tc.open().View(60, tc.h))
			if n := strings.Count(out, "\n") + 1; n > tc.h {
				t.Fatalf("%d lines drawn on %d:\n%s", n, tc.h, out)
			}
			for _, want := range tc.want {
				if !strings.Contains(out, want) {
					t.Errorf("%q is not drawn:\n%s", want, out)
				}
			}
			if tc.absent != "" && strings.Contains(out, tc.absent) {
				t.Errorf("%q is drawn instead:\n%s", tc.absent, out)
			}
		})
	}
}

// shortShell is a workspace w×h with an assessment of name open, one
// finding in its plan (mfa answered no).
func shortShell(t *testing.T, name string, w, h int) *shell {
	t.Helper()
	sh := typeAheadShell(t, typeAheadPayroll(t))
	sh.sess.a.Subject = name
	sh.width, sh.height = w, h
	return sh
}

// shortHome is the portfolio of two assessments of name ("name 1",
// "name 2"), loaded, then set.
func shortHome(t *testing.T, name string, w, h int, set func(s *home)) *home {
	t.Helper()
	sh := shortShell(t, name, w, h)
	var items []*assess.Assessment
	for i := 1; i <= 2; i++ {
		a := typeAheadPayroll(t)
		a.ID, a.Subject = int64(i), fmt.Sprintf("%s %d", name, i)
		items = append(items, a)
	}
	s := newHome(sh)
	s.Update(listLoadedMsg{p: newPortfolio(items, countOn(shortToday), true), request: s.request})
	if set != nil {
		set(s)
	}
	return s
}

func checkLines(t *testing.T, which, name string, w, h int, s screen) {
	t.Helper()
	if out := s.View(w, h); strings.Count(out, "\n")+1 > h {
		t.Fatalf("%s of %.12q at %dx%d: %d lines drawn:\n%s", which, name, w, h, strings.Count(out, "\n")+1, out)
	}
}
