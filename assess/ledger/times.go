package ledger

import "time"

// TimesFault says which of an assessment's own times its audit trail
// contradicts. The creation and update times are stored beside the trail,
// not in it, and they order the portfolio, date OSCAL's last-modified and
// travel in exports; verify and import hold them to the trail by one rule.
type TimesFault int

const (
	TimesFit             TimesFault = iota
	CreatedAfterFirst               // created after its first record
	UpdatedAfterLast                // last changed after its last record
	UpdatedBeforeCreated            // last changed before it was created, the clock never set back
)

// CheckTimes places an assessment's creation and update times within its
// trail. Each write stamps the row just before it appends its records, in
// one transaction, so the row was created no later than its first record
// and last changed no later than its last. The update time is no earlier
// than the creation either, unless the clock was set back between two
// sittings: then later writes are stamped before earlier ones, the trail's
// times go backwards somewhere (wentBack reports whether they do), and an
// update time before the creation is what such a database holds, intact.
// wentBack is asked only when the update time is before the creation, so
// most checks read three times, not the whole trail.
func CheckTimes(created, updated, first, last time.Time, wentBack func() bool) TimesFault {
	switch {
	case created.After(first):
		return CreatedAfterFirst
	case updated.After(last):
		return UpdatedAfterLast
	case updated.Before(created) && !wentBack():
		return UpdatedBeforeCreated
	}
	return TimesFit
}

// TimesGoBack reports whether a trail's record times ever go backwards (a
// clock set back), given each record's time in order.
func TimesGoBack(n int, at func(i int) (time.Time, bool)) bool {
	var prev time.Time
	for i := range n {
		t, ok := at(i)
		if !ok {
			continue
		}
		if i > 0 && t.Before(prev) {
			return true
		}
		prev = t
	}
	return false
}
