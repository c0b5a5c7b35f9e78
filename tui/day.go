package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// A workspace left open overnight judged every deadline on the day it
// was opened: past midnight the portfolio's overdue counts, the
// reassessment reminder, the plan's summary and the report's "as of" day
// kept yesterday's answer until restarted. The day is read again with
// every message (a key, a store's answer), and a tick wakes the workspace
// at the next local midnight when nobody touches it; once the day has
// changed, what is shown is judged again on the new one.

// dayTickMsg wakes the workspace to look at the day again.
type dayTickMsg struct{}

// maxDayWait bounds the wait for midnight: a timer counts time the
// computer was awake, so a laptop that slept through midnight, or a clock
// set forward, is noticed within this much of waking, not a day late.
const maxDayWait = 10 * time.Minute

// watchDay wakes the workspace at the next local midnight (or after
// maxDayWait, whichever comes first); nil when Deps.UntilTomorrow is not
// given (tests deliver dayTickMsg themselves).
func watchDay(d Deps) tea.Cmd {
	wait, ok := d.dayWait()
	if !ok {
		return nil
	}
	return tea.Tick(wait, func(time.Time) tea.Msg { return dayTickMsg{} })
}

// dayWait is how long to wait before looking at the day again: until the
// next local midnight, at most maxDayWait; ok is false when
// Deps.UntilTomorrow is not given.
func (d Deps) dayWait() (wait time.Duration, ok bool) {
	if d.UntilTomorrow == nil {
		return 0, false
	}
	return min(max(d.UntilTomorrow(), time.Second), maxDayWait), true
}

// dayTimer starts accessible mode's wait for midnight (dayWait), which
// its line reading waits on beside the next line; a test sends midnight
// on a channel of its own.
var dayTimer = func(wait time.Duration) (tick <-chan time.Time, stop func() bool) {
	t := time.NewTimer(wait)
	return t.C, t.Stop
}

// today reads the day: the zero Date when the workspace has no clock.
func (d Deps) today() assess.Date {
	if d.Today == nil {
		return assess.Date{}
	}
	return d.Today()
}

// rejudge judges what is shown again when the day has changed since the
// workspace last looked: the open assessment's plan (overdue items, the
// report's day), the comparison on the compare screen (an acceptance
// that ended yesterday) and, on the portfolio, its overdue counts and the
// reassessment reminder, read again.
func (m Model) rejudge() tea.Cmd {
	today := m.sh.deps.today()
	if today == m.sh.today {
		return nil
	}
	m.sh.today = today
	var cmds []tea.Cmd
	if s := m.sh.sess; s != nil {
		s.evaluate(today)
	}
	switch cur := m.cur.(type) {
	case *home:
		cmds = append(cmds, cur.reload())
	case *reportView:
		cmds = append(cmds, cur.rebuild())
	case *diffScreen:
		cur.rejudge(today)
	}
	return tea.Batch(cmds...)
}
