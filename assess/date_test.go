package assess

import (
	"errors"
	"strings"
	"testing"
)

// A date written YYYY-MM-DD that is not a day of the calendar is told
// apart from one not written in that form, so that the person typing it
// is told what is wrong; leap years count.
func TestParseDateSaysWhatIsWrong(t *testing.T) {
	for _, c := range []struct{ in, err, problem string }{
		{"2027-02-30", `"2027-02-30" is not a day of the calendar: February 2027 has 28 days`, "no such day: February 2027 has 28 days"},
		{"2028-02-30", `"2028-02-30" is not a day of the calendar: February 2028 has 29 days`, "no such day: February 2028 has 29 days"},
		{"2027-04-31", `"2027-04-31" is not a day of the calendar: April 2027 has 30 days`, "no such day: April 2027 has 30 days"},
		{"2027-13-01", `"2027-13-01" is not a day of the calendar: there is no month 13`, "no such day: there is no month 13"},
		{"2027-00-10", `"2027-00-10" is not a day of the calendar: there is no month 00`, "no such day: there is no month 00"},
		{"2027-01-00", `"2027-01-00" is not a day of the calendar: January 2027 has 31 days`, "no such day: January 2027 has 31 days"},
		{"31/01/2027", `"31/01/2027" is not a date in YYYY-MM-DD form`, "enter a date as YYYY-MM-DD"},
		{"2027-1-5", `"2027-1-5" is not a date in YYYY-MM-DD form`, "enter a date as YYYY-MM-DD"},
		{"", `"" is not a date in YYYY-MM-DD form`, "enter a date as YYYY-MM-DD"},
	} {
		_, err := ParseDate(c.in)
		var de *DateError
		if err == nil || err.Error() != c.err || !errors.As(err, &de) || de.Problem() != c.problem {
			t.Errorf("ParseDate(%q) = %v; want %s (%s)", c.in, err, c.err, c.problem)
		}
	}
	if d, err := ParseDate("2028-02-29"); err != nil || d.String() != "2028-02-29" {
		t.Errorf("a leap day: %v %v", d, err)
	}
}

// The days assay records run from 1970 to 9999: any day before 1970 is
// refused as out of range; 0001-01-01, the zero Date ("no date"), is
// refused by ParseDate itself, for answers too.
func TestParseRecordDate(t *testing.T) {
	for _, in := range []string{"1969-12-31", "0999-05-05"} {
		_, err := ParseRecordDate(in)
		var de *DateError
		if !errors.As(err, &de) || !de.OutOfRange || err.Error() != `"`+in+`" is outside the days assay records: use a day from 1970 to 9999` ||
			de.Problem() != "use a day from 1970 to 9999" {
			t.Errorf("ParseRecordDate(%q) = %v", in, err)
		}
	}
	if d, err := ParseRecordDate("1970-01-01"); err != nil || d.String() != "1970-01-01" {
		t.Errorf("the first day: %v %v", d, err)
	}
	if _, err := ParseRecordDate("2027-02-30"); err == nil || !strings.Contains(err.Error(), "February 2027 has 28 days") {
		t.Errorf("an impossible day: %v", err)
	}
}

func TestParseDateRefusesTheZeroDate(t *testing.T) {
	for _, parse := range []func(string) (Date, error){ParseDate, ParseRecordDate} {
		_, err := parse("0001-01-01")
		var de *DateError
		if !errors.As(err, &de) || !de.Zero || err.Error() != `"0001-01-01" stands for no date in assay: give the day meant` {
			t.Errorf("0001-01-01: %v", err)
		}
	}
	if d, err := ParseDate("0001-01-02"); err != nil || d.String() != "0001-01-02" {
		t.Errorf("the day after the zero date is a day: %v %v", d, err)
	}
}

// Days between dates centuries apart are counted, not capped: a
// time.Duration holds only about 292 years, and the days in it were read
// as 106751 for any span longer than that.
func TestDaysUntilCountsSpansLongerThanADuration(t *testing.T) {
	cases := []struct {
		from, to string
		want     int
	}{
		{"2026-01-01", "2026-01-31", 30},
		{"2026-01-31", "2026-01-01", -30},
		{"1970-01-01", "9999-12-31", 2932896},
		{"9999-12-31", "1970-01-01", -2932896},
		{"2029-12-05", "2400-01-01", 135166},
	}
	for _, c := range cases {
		from, err := ParseDate(c.from)
		if err != nil {
			t.Fatal(err)
		}
		to, err := ParseDate(c.to)
		if err != nil {
			t.Fatal(err)
		}
		if got := from.DaysUntil(to); got != c.want {
			t.Errorf("%s to %s: %d days, want %d", c.from, c.to, got, c.want)
		}
	}
}
