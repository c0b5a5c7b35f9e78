package assess

import (
	"testing"
	"time"
)

// Previous prefers the assessment a revises; otherwise the latest earlier
// one of the same subject (same day: the one created before); other
// subjects and later assessments never count.
func TestPrevious(t *testing.T) {
	on := func(d int) Date { return NewDate(2026, time.March, d) }
	mk := func(id, subject int64, d int, revisionOf int64) *Assessment {
		return &Assessment{ID: id, SubjectID: subject, AssessedOn: on(d), RevisionOf: revisionOf}
	}
	a1, a2, a3, other, later := mk(1, 7, 1, 0), mk(2, 7, 5, 0), mk(3, 7, 5, 0), mk(4, 8, 4, 0), mk(5, 7, 9, 0)
	all := []*Assessment{a1, a2, a3, other, later}
	if got := Previous(a3, all); got != a2 {
		t.Errorf("previous of 3: %v, want 2 (same day, created before)", got)
	}
	if got := Previous(a2, all); got != a1 {
		t.Errorf("previous of 2: %v, want 1", got)
	}
	if got := Previous(a1, all); got != nil {
		t.Errorf("previous of the first: %v, want none", got)
	}
	rev := mk(6, 7, 9, 1)
	if got := Previous(rev, append(all, rev)); got != a1 {
		t.Errorf("previous of a revision of 1: %v, want 1 (what it revises)", got)
	}
}

// A revision comes after what it revises even when it is dated before it;
// otherwise the later day, then the later start, comes after.
func TestComesAfter(t *testing.T) {
	on := func(d int) Date { return NewDate(2026, time.March, d) }
	mk := func(id int64, d int, revisionOf int64) *Assessment {
		return &Assessment{ID: id, SubjectID: 7, AssessedOn: on(d), RevisionOf: revisionOf}
	}
	orig, sameDay, nextWeek, backdatedRevision := mk(1, 5, 0), mk(2, 5, 0), mk(3, 12, 0), mk(4, 1, 1)
	for _, c := range []struct {
		a, b  *Assessment
		after bool
		why   string
	}{
		{backdatedRevision, orig, true, "it revises it"},
		{orig, backdatedRevision, false, ""},
		{nextWeek, orig, true, "assessed on 2026-03-12, after 2026-03-05"},
		{orig, nextWeek, false, ""},
		{sameDay, orig, true, "assessed the same day, 2026-03-05, and started after it"},
		{orig, sameDay, false, ""},
		{orig, orig, false, ""},
	} {
		if why, after := c.a.ComesAfter(c.b); after != c.after || why != c.why {
			t.Errorf("%d after %d: %v %q, want %v %q", c.a.ID, c.b.ID, after, why, c.after, c.why)
		}
	}
}

// The assessments a revision follows, through a chain of revisions; a
// revision given up (archived) follows nothing.
func TestRevised(t *testing.T) {
	list := []*Assessment{
		{ID: 1}, {ID: 2, RevisionOf: 1}, {ID: 3, RevisionOf: 2},
		{ID: 4}, {ID: 5, RevisionOf: 4, Archive: ArchivedInAssay},
		{ID: 6},
	}
	got := Revised(list)
	if len(got) != 2 || !got[1] || !got[2] {
		t.Errorf("Revised = %v, want 1 and 2", got)
	}
}
