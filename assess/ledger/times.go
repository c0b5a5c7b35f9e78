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
	UpdatedAfterLast                // last changed after its latest record
	UpdatedBeforeCreated            // last changed before it was created, the clock never set back
	CreatedNotStated                // created at another time than its creation record states
	UpdatedNotLastChange            // last changed at another time than the record that last set it (Trail.CheckUpdated)
)

// CheckTimes places an assessment's creation and update times within its
// trail. Each write stamps the row just before it appends its records, in
// one transaction, so the row was created no later than its first record
// and last changed no later than its last. Both hold while the records'
// times only go forward; they go back somewhere (scan reports whether, and
// the latest time of any record) when a clock was set back between two
// sittings, and then:
//   - the update time may be before the creation: later writes were
//     stamped before earlier ones;
//   - the last record may be before the update time: an import keeps the
//     file's update time and appends its own record at the importing
//     computer's time, which may be behind the exporting one's. The update
//     time was still stamped with some record's, so it is no later than
//     the latest of them.
//
// scan is asked only when the three times are not enough, so most checks
// read three times, not the whole trail.
func CheckTimes(created, updated, first, last time.Time, scan func() (wentBack bool, latest time.Time)) TimesFault {
	if created.After(first) {
		return CreatedAfterFirst
	}
	if !updated.After(last) && !updated.Before(created) {
		return TimesFit
	}
	wentBack, latest := scan()
	switch {
	case updated.After(last) && (!wentBack || updated.After(latest)):
		return UpdatedAfterLast
	case updated.Before(created) && !wentBack:
		return UpdatedBeforeCreated
	}
	return TimesFit
}

// ScanTimes reads a trail's record times, given each record's time in
// order: whether they ever go backwards (a clock set back), and which
// record is the latest (the last of those alike; -1 when none is a
// time).
func ScanTimes(n int, at func(i int) (time.Time, bool)) (wentBack bool, latest int) {
	var prev, max time.Time
	latest = -1
	for i := range n {
		t, ok := at(i)
		if !ok {
			continue
		}
		if i > 0 && t.Before(prev) {
			wentBack = true
		}
		if latest < 0 || !t.Before(max) { // of records alike, the last
			latest, max = i, t
		}
		prev = t
	}
	return wentBack, latest
}

// CheckStamps is CheckTimes over a trail's n record times as stored
// (RFC 3339 text, at(i) the i-th; one that is not a time is skipped), for
// verify and import alike. It also says which record the fault concerns:
// the first, the latest, or the last. stated is the creation time the
// creation record states (Trail.CreatedAt), which created must be
// exactly; "" for a record written before records stated it, which
// bounds created from above only: the row was stamped before the
// transaction began, which could wait for another writer's lock.
func CheckStamps(created, updated time.Time, stated string, n int, at func(i int) string) (fault TimesFault, record int) {
	if stated != "" {
		if t, err := time.Parse(time.RFC3339Nano, stated); err != nil || !t.Equal(created) {
			return CreatedNotStated, 0
		}
	}
	parse := func(i int) (time.Time, bool) {
		t, err := time.Parse(time.RFC3339Nano, at(i))
		return t, err == nil
	}
	first, _ := parse(0)
	last, _ := parse(n - 1)
	latest := n - 1
	scan := func() (bool, time.Time) {
		wentBack, i := ScanTimes(n, parse)
		if i >= 0 {
			latest = i
		}
		t, _ := parse(latest)
		return wentBack, t
	}
	switch fault = CheckTimes(created, updated, first, last, scan); fault {
	case CreatedAfterFirst:
		return fault, 0
	case UpdatedAfterLast:
		return fault, latest
	}
	return fault, n - 1
}
