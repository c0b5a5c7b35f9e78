package ledger

import (
	"testing"
	"time"
)

// The rule worked out by hand on a trail whose first record is at 10:00
// and last at 11:00, with and without a clock set back in between (and
// then a record at 12:00, the latest).
func TestCheckTimes(t *testing.T) {
	at := func(hm string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", "2026-03-02 "+hm)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	first, last := at("10:00"), at("11:00")
	cases := []struct {
		created, updated string
		wentBack         bool
		want             TimesFault
	}{
		{"10:00", "11:00", false, TimesFit},             // stamped with the records
		{"09:59", "10:30", false, TimesFit},             // the row a moment before
		{"09:59", "09:59", false, TimesFit},             // created, not changed since
		{"10:00", "09:30", true, TimesFit},              // the clock set back
		{"10:00", "11:30", true, TimesFit},              // imported where the clock is behind: its record at 11:00
		{"10:00", "12:00", true, TimesFit},              // stamped with the latest record
		{"10:01", "11:00", false, CreatedAfterFirst},    // created after its first record
		{"10:00", "11:01", false, UpdatedAfterLast},     // changed after its last
		{"10:00", "12:01", true, UpdatedAfterLast},      // changed after its latest
		{"10:00", "09:59", false, UpdatedBeforeCreated}, // moved back, the clock never was
	}
	for _, c := range cases {
		latest := last
		if c.wentBack {
			latest = at("12:00")
		}
		got := CheckTimes(at(c.created), at(c.updated), first, last, func() (bool, time.Time) { return c.wentBack, latest })
		if got != c.want {
			t.Errorf("created %s, updated %s, clock set back %v: %d, want %d", c.created, c.updated, c.wentBack, got, c.want)
		}
	}
	asked := false
	CheckTimes(first, last, first, last, func() (bool, time.Time) { asked = true; return false, last })
	if asked {
		t.Error("the trail was read for times within its first and last records")
	}
}

func TestScanTimes(t *testing.T) {
	series := func(ts ...int) func(int) (time.Time, bool) {
		return func(i int) (time.Time, bool) {
			if ts[i] < 0 {
				return time.Time{}, false // not a time: skipped
			}
			return time.Unix(int64(ts[i]), 0), true
		}
	}
	for _, c := range []struct {
		ts       []int
		wentBack bool
		latest   int
	}{
		{[]int{1, 2, 2, 3}, false, 3},
		{[]int{1, 3, 3, 2}, true, 2},
		{[]int{1, 3, 2}, true, 1},
		{[]int{5, -1, 6}, false, 2},
		{[]int{5}, false, 0},
		{[]int{-1}, false, -1},
	} {
		if back, latest := ScanTimes(len(c.ts), series(c.ts...)); back != c.wentBack || latest != c.latest {
			t.Errorf("%v: went back %v, latest %d; want %v, %d", c.ts, back, latest, c.wentBack, c.latest)
		}
	}
}
