package assess

import (
	"fmt"
	"time"
)

// Date is a calendar day with no time zone: assessment dates, due dates and
// expiry dates are days, and a day must not shift when the clock's zone does.
type Date struct {
	t time.Time // midnight UTC; the zero Time means "no date"
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// NewDate builds a Date; out-of-range days normalise as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads YYYY-MM-DD and rejects impossible days such as 2026-02-30.
// Its error is a *DateError, which tells a date of that form that is not a
// day of the calendar from one not in that form: "2027-02-30" is written as
// asked, and the person typing it needs to hear that February has 28 days.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &DateError{Input: s, Why: notADay(s)}
	}
	if t.IsZero() {
		// 0001-01-01 is the zero Date, which stands for no date: read as
		// one, an answer or a due date typed so became none.
		return Date{}, &DateError{Input: s, Zero: true}
	}
	return Date{t}, nil
}

// ParseRecordDate is ParseDate for the days assay records itself (an
// assessment's date, a due date, an expiry, a signature's day, the day
// overdue items are judged on): from 1970 to 9999. 0001-01-01 is the zero
// Date, which means "no date", so a year typed short was taken for none.
func ParseRecordDate(s string) (Date, error) {
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, err
	}
	if !d.InRecordRange() {
		return Date{}, &DateError{Input: s, OutOfRange: true}
	}
	return d, nil
}

// DateError is a date that could not be read.
type DateError struct {
	Input string
	Why   string // why a date of the form YYYY-MM-DD is not a day, or ""
	// OutOfRange: a day, but not one assay records (ParseRecordDate).
	OutOfRange bool
	// Zero: 0001-01-01, which assay keeps for "no date".
	Zero bool
}

func (e *DateError) Error() string {
	switch {
	case e.Zero:
		return fmt.Sprintf("%q stands for no date in assay: give the day meant", e.Input)
	case e.OutOfRange:
		return fmt.Sprintf("%q is outside the days assay records: use a day from %d to %d", e.Input, MinRecordYear, MaxRecordYear)
	case e.Why != "":
		return fmt.Sprintf("%q is not a day of the calendar: %s", e.Input, e.Why)
	}
	return fmt.Sprintf("%q is not a date in YYYY-MM-DD form", e.Input)
}

// Problem is what is wrong without repeating the input, for a form field
// that shows it already.
func (e *DateError) Problem() string {
	switch {
	case e.Zero:
		return "0001-01-01 stands for no date: give the day meant"
	case e.OutOfRange:
		return fmt.Sprintf("use a day from %d to %d", MinRecordYear, MaxRecordYear)
	case e.Why != "":
		return "no such day: " + e.Why
	}
	return "enter a date as YYYY-MM-DD"
}

// notADay says why s, of the form YYYY-MM-DD, is not a day of the
// calendar, or "" when s is not of that form.
func notADay(s string) string {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return ""
	}
	var n [3]int
	for i, part := range []string{s[:4], s[5:7], s[8:]} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return ""
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	y, m := n[0], n[1]
	if m < 1 || m > 12 {
		return "there is no month " + s[5:7]
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("%s %d has %d days", time.Month(m), y, days)
}

// Years a record's dates and times (made, changed, signed, due) may fall
// in: no assay record is older than 1970, and YYYY-MM-DD holds four digits.
const (
	MinRecordYear = 1970
	MaxRecordYear = 9999
)

// InRecordRange reports whether d falls in MinRecordYear to MaxRecordYear.
func (d Date) InRecordRange() bool {
	y := d.t.Year()
	return y >= MinRecordYear && y <= MaxRecordYear
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// AddDays returns the day n days after d (before, if n is negative).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
// It counts in Unix seconds, not with Sub: a time.Duration holds only about
// 292 years, and days asked for as far as 9999 read as that cap.
func (d Date) DaysUntil(e Date) int { return int((e.t.Unix() - d.t.Unix()) / 86400) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// String prints YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
