package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// listRepo lists assessments held in memory, most recently changed first
// as the store does, honouring Limit. A read of the full list is held
// by wholeHeld when it is set, until the test lets it go, so a test can
// look at the screen between the first page and the rest.
type listRepo struct {
	memRepo
	items     []*assess.Assessment
	wholeHeld *silentGate
}

// theWholeList is what listRepo holds a read of the full list as.
const theWholeList = "the whole list of assessments"

func (r *listRepo) Assessments(_ context.Context, f assess.Filter) ([]*assess.Assessment, error) {
	if f.Limit == 0 && r.wholeHeld != nil {
		r.wholeHeld.hold(theWholeList)
	}
	var out []*assess.Assessment
	for _, a := range r.items {
		if (f.IncludeArchived || !a.Archive.Archived()) && (f.Limit == 0 || len(out) < f.Limit) {
			out = append(out, a)
		}
	}
	return out, nil
}

// portfolioOf makes n assessments with IDs from first down, the newest
// first, each with its own subject.
func portfolioOf(e *env, n int, first int64) *listRepo {
	q, _ := e.lib.Get("vendor-security-screen")
	r := &listRepo{}
	for i := range n {
		r.items = append(r.items, &assess.Assessment{ID: first - int64(i), Subject: fmt.Sprintf("Vendor %05d", n-i), SubjectKind: "vendor",
			Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday, Status: assess.Draft,
			Summary: assess.Summary{Total: 13, LevelRank: -1}})
	}
	return r
}

// The first frame shows the first page while the rest is read; keys work
// on what is there; the whole list replaces it, the cursor staying on its
// assessment, and G then reaches the last assessment of all.
func TestHomeShowsTheFirstPageFirst(t *testing.T) {
	e := newEnv(t)
	r := portfolioOf(e, 1000, 1000)
	r.wholeHeld = newSilentGate(t)
	d := e.deps()
	d.Repo = r
	f := e.startWith(d)
	r.wholeHeld.heldNow(t, theWholeList)
	f.waitFor("20 of the first 200 · loading the rest…"[3:], "▸ 1000 Vendor 01000")
	f.press("down", "down")
	f.waitFor("▸ 998  Vendor 00998")
	f.press("G")
	f.waitFor("▸ 801  Vendor 00801") // the last of the first page
	f.press("k")
	f.waitFor("▸ 802  Vendor 00802")
	r.wholeHeld.letGo()
	f.waitFor("1000 of 1000 · sorted by most recent", "▸ 802  Vendor 00802")
	f.press("G")
	f.waitFor("▸ 1    Vendor 00001")
	f.press("g")
	f.waitFor("▸ 1000 Vendor 01000")
	f.quit()
}

// G and g (end and home) reach either end, pgdn and pgup move a page:
// the screen shows 19 rows at 24 lines, and a page keeps one row in view.
func TestHomeJumpsAndPages(t *testing.T) {
	e := newEnv(t)
	r := portfolioOf(e, 300, 300)
	d := e.deps()
	d.Repo = r
	f := e.startWith(d)
	f.waitFor("300 of 300", "▸ 300 Vendor 00300")
	f.press("end")
	f.waitFor("▸ 1   Vendor 00001")
	f.waitGone("Vendor 00300")
	f.press("home")
	f.waitFor("▸ 300 Vendor 00300")
	f.press("pgdown")
	f.waitFor("▸ 282 Vendor 00282")
	if !strings.Contains(f.screen(), "  281 Vendor 00281") || strings.Contains(f.screen(), "Vendor 00300") {
		t.Errorf("pgdn did not turn the page:\n%s", f.screen())
	}
	f.press("pgdown", "pgup")
	f.waitFor("▸ 282 Vendor 00282")
	f.press("pgup")
	f.waitFor("▸ 300 Vendor 00300")
	// The filter narrows, and G goes to the last match.
	f.press("/")
	f.typeText("vendor 001")
	f.press("enter")
	f.waitFor("100 of 300")
	f.press("G")
	f.waitFor("▸ 100 Vendor 00100")
	f.quit()
}

// The ID column is as wide as the widest ID: 123456 shows whole, and the
// subjects line up after it.
func TestHomeIDColumnFitsTheWidestID(t *testing.T) {
	e := newEnv(t)
	r := portfolioOf(e, 3, 3)
	r.items[1].ID = 123456
	d := e.deps()
	d.Repo = r
	f := e.startWith(d)
	f.waitFor("  ID     Subject", "▸ 3      Vendor 00003", "  123456 Vendor 00002", "  1      Vendor 00001")
	f.quit()
}

// Ten thousand subjects overdue: the reminder names as many as a line
// can show and counts the rest, and moving down the list stays quick
// enough for the test to take every key.
func TestHomeReminderOfManySubjects(t *testing.T) {
	e := newEnv(t)
	r := portfolioOf(e, 50, 50)
	var due []assess.DueSubject
	for i := range 10_000 {
		due = append(due, assess.DueSubject{Subject: &assess.Subject{Name: fmt.Sprintf("Vendor %05d", i)}, State: assess.DueOverdue, Due: testToday.AddDays(-1 - i)}) // overdue from the day after its due date
	}
	d := e.deps()
	d.Repo = r
	d.Due = func(context.Context, assess.Date) ([]assess.DueSubject, error) { return due, nil }
	f := e.startWith(d)
	f.waitFor("Reassessment, 10000 overdue: Vendor 00000 was due 2026-03-30; Vendor 0000", "50 of 50")
	for range 30 {
		f.press("j")
	}
	f.waitFor("▸ 20 Vendor 00020")
	f.quit()
	if line := tui.DueLineForTest(due); !strings.HasSuffix(line, fmt.Sprintf("; %d more", 10_000-strings.Count(line, " was due "))) || len(line) > 600 {
		t.Errorf("reminder of %d bytes ends %q", len(line), line[max(len(line)-40, 0):])
	}
}
