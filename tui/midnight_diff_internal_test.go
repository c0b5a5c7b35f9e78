package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// The compare screen left open overnight: a revision accepted the risk
// of its one item until today, and the screen said the item went from
// open to accepted. Past midnight the acceptance has expired and the
// item is open again, as the plan and the report say once the day
// changes; the compare screen kept yesterday's comparison until it was
// opened again. It is judged again on the new day with the other
// screens (day.go).
func TestTheCompareScreenOpenOverMidnightJudgesOnTheNewDay(t *testing.T) {
	from := typeAheadPayroll(t)
	to := typeAheadPayroll(t)
	to.ID, to.Revision, to.RevisionOf = 2, 2, from.ID
	today := shortToday
	to.PlanEdits = map[string]assess.PlanEdit{"mfa": {Key: "mfa", Status: assess.ItemAccepted,
		Acceptance: &assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: today}}}

	m := New(Deps{Repo: emptyRepo{}, Today: func() assess.Date { return today }, Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(tea.WindowSizeMsg{Width: 120, Height: 30})
	step(diffLoadedMsg{d: assess.CompareOn(from, to, today)})
	if _, ok := m.cur.(*diffScreen); !ok {
		t.Fatalf("on %T, not the compare screen", m.cur)
	}
	v := ansi.Strip(m.View().Content)
	if !strings.Contains(v, "until "+today.String()) || strings.Contains(v, "risk acceptance expired") {
		t.Fatalf("on the day the acceptance ends, the compare screen does not show it in force:\n%s", v)
	}

	today = today.AddDays(1) // past midnight
	step(dayTickMsg{})
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "risk acceptance expired") {
		t.Errorf("the day after the acceptance ended, the compare screen still shows it in force:\n%s", v)
	}
	if s := m.cur.(*diffScreen); s.d.To.Today != today || s.d.From.Today != today {
		t.Errorf("past midnight the comparison is judged on %s and %s, want %s", s.d.From.Today, s.d.To.Today, today)
	}
}
