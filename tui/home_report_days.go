package tui

import "github.com/assay-dev/assay/assess"

// judgedDays gives the day each row of a list load counts its overdue
// items on. The whole portfolio is counted as assay list counts it, on
// the day each assessment's report made now would be dated
// (assess.ReportDays: its assessment date, its latest sign-off, or an
// acceptance a colleague ahead gave after today), so that the home screen
// and assay list say the same of one portfolio. That takes two queries
// and a load of the few assessments they name, made for the whole
// portfolio only, which loadHome reads after the first page: the first
// frame does not wait for them, and counts the page on today (or its
// assessment date) until the portfolio comes. A store that cannot say,
// or a read that fails, leaves the counts on those days.
func judgedDays(d Deps, f assess.Filter) func(*assess.Assessment) assess.Date {
	today := d.Today()
	onToday := func(a *assess.Assessment) assess.Date { return a.JudgedOn(today) }
	db, ok := d.Repo.(assess.ReportDayReader)
	if f.Limit != 0 || !ok {
		return onToday
	}
	days, err := assess.ReadReportDays(d.ctx(), db, today, false)
	if err != nil {
		return onToday
	}
	if err := days.JudgeRecorded(d.ctx(), db); err != nil {
		return onToday
	}
	return days.On
}
