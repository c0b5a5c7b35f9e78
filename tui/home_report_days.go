package tui

import (
	"context"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// judgedDays gives the day each row of a list load counts its overdue
// items on. The whole portfolio is counted as assay list counts it, on
// the day each assessment's report made now would be dated
// (assess.ReportDays: its assessment date, its latest sign-off, or an
// acceptance a colleague ahead gave after today), so that the home screen
// and assay list say the same of one portfolio. That takes two queries
// and a load of the few assessments they name, made for the whole
// portfolio only, which loadHome reads after the first page: the first
// frame does not wait for them, and counts the page on today (or its
// assessment date) until the portfolio comes. A store that cannot say
// leaves the counts on those days; a read that fails does too, and
// returns why (daysUnread), which the home screen says.
func judgedDays(d Deps, f assess.Filter) (func(*assess.Assessment) assess.Date, error) {
	today := d.Today()
	onToday := func(a *assess.Assessment) assess.Date { return a.JudgedOn(today) }
	db, ok := d.Repo.(assess.ReportDayReader)
	if f.Limit != 0 || !ok {
		return onToday, nil
	}
	days, err := withinDeadline(d, func(ctx context.Context) (*assess.ReportDays, error) {
		days, err := assess.ReadReportDays(ctx, db, today, false)
		if err == nil {
			err = days.JudgeRecorded(ctx, db)
		}
		return days, err
	})
	if err != nil {
		return onToday, daysUnread{today: today, err: err}
	}
	return days.On, nil
}

// daysUnread says that the overdue counts are judged on today, not on
// each report's date, because reading those dates failed: counts judged
// on another day than the report's must not pass for the report's.
type daysUnread struct {
	today assess.Date
	err   error
}

func (e daysUnread) Error() string {
	return fmt.Sprintf("Overdue counted on %s, not on each report's date: reading those failed (%v). ctrl+r reads them again.", e.today, e.err)
}

func (e daysUnread) Unwrap() error { return e.err }
