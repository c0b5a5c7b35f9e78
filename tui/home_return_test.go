package tui_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// heldLists is a store whose next read of the portfolio, once held,
// waits for the test to let it go: the keys a test presses meanwhile
// meet the home screen before the list read again arrives, as they
// would on a slow team server, without the test waiting for a time. Each
// read held has a gate of its own (silentGate), so that a test lets one
// go and holds the next, and none outlives the test.
type heldLists struct {
	assess.Repository
	mu   sync.Mutex
	next *heldRead // the read to hold; nil: reads go at once
	// pad fills a read of the first page, after the assessments stored,
	// as a portfolio larger than a page would: the rest is still to
	// come when it shows.
	pad []*assess.Assessment
}

// heldRead is one held read of the portfolio: asked waits until it is
// asked for, and it answers once the test lets it go (letGo), with fail
// when that is set. whole: it is the next read of the whole portfolio,
// not of its first page.
type heldRead struct {
	*silentGate
	fail  error
	whole bool
}

// aReadOfTheList is what a held read of the portfolio is held as.
const aReadOfTheList = "a read of the list of assessments"

// holdNext holds the next read of the portfolio, failing with fail when
// it is not nil.
func (r *heldLists) holdNext(t *testing.T, fail error) *heldRead {
	return r.hold(&heldRead{silentGate: newSilentGate(t), fail: fail})
}

// holdWhole holds the next read of the whole portfolio, letting a read
// of its first page go.
func (r *heldLists) holdWhole(t *testing.T) *heldRead {
	return r.hold(&heldRead{silentGate: newSilentGate(t), whole: true})
}

func (r *heldLists) hold(h *heldRead) *heldRead {
	r.mu.Lock()
	r.next = h
	r.mu.Unlock()
	return h
}

func (r *heldLists) Assessments(ctx context.Context, f assess.Filter) ([]*assess.Assessment, error) {
	r.mu.Lock()
	h := r.next
	if h != nil && h.whole && f.Limit != 0 {
		h = nil
	} else {
		r.next = nil
	}
	r.mu.Unlock()
	if h != nil {
		h.hold(aReadOfTheList)
		if h.fail != nil {
			return nil, h.fail
		}
	}
	items, err := r.Repository.Assessments(ctx, f)
	if err == nil && f.Limit != 0 {
		items = append(items, r.pad[:min(len(r.pad), f.Limit-len(items))]...)
	}
	return items, err
}

// asked waits for the held read to be asked for.
func (h *heldRead) asked(t *testing.T) {
	t.Helper()
	h.heldNow(t, aReadOfTheList)
}

// fiveClouds stores six assessments, five of them of a "Cloud" (IDs 1
// to 5, Acme to Echo) and one not (Zenith Payroll, 6), and opens the
// workspace over a store whose list reads the test can hold. The list
// is filtered to the clouds and sorted by subject, the cursor on the
// third of them, Cobalt Cloud.
func fiveClouds(t *testing.T) (*env, *heldLists, *flow) {
	t.Helper()
	return fiveCloudsWith(t, func(*env, *tui.Deps) {})
}

// fiveCloudsWith is fiveClouds on the workspace's deps as set changes
// them (a write deadline, a watcher of others' changes).
func fiveCloudsWith(t *testing.T, set func(*env, *tui.Deps)) (*env, *heldLists, *flow) {
	t.Helper()
	e := newEnv(t)
	for _, s := range []string{"Acme Cloud", "Beta Cloud", "Cobalt Cloud", "Delta Cloud", "Echo Cloud", "Zenith Payroll"} {
		e.create("vendor-security-screen", s)
	}
	repo := &heldLists{Repository: e.db}
	d := e.deps()
	d.Repo = repo
	set(e, &d)
	f := e.startWith(d)
	f.waitFor("6 of 6")
	f.press("s")
	f.waitFor("sorted by subject")
	f.press("/")
	f.typeText("cloud")
	f.press("enter")
	f.waitFor("5 of 6 · sorted by subject")
	f.press("j", "j")
	f.waitFor("▸ 3  Cobalt Cloud")
	return e, repo, f
}

// homeAsLeft waits for the home screen as fiveClouds left it, the
// cursor on row.
func (f *flow) homeAsLeft(row string) {
	f.t.Helper()
	f.waitFor("/cloud", "sorted by subject", row)
	if s := f.screen(); strings.Contains(s, "Zenith Payroll") {
		f.t.Errorf("the filter was lost on the way home:\n%s", s)
	}
}

// An analyst going through vendors one by one goes home and straight
// into the next: home shows the list as it was left, at once (the
// filter, the order, the cursor on the same assessment), and the keys
// pressed before the list read again arrives act on the list shown,
// not on nothing. The read is held until the keys have done their work.
func TestGoingHomeShowsTheListAsLeftAndKeysActAtOnce(t *testing.T) {
	_, repo, f := fiveClouds(t)
	f.press("enter")
	f.waitFor("[Interview]", "Cobalt Cloud")

	read := repo.holdNext(t, nil)
	f.press("esc")
	read.asked(t)
	f.homeAsLeft("▸ 3  Cobalt Cloud")
	f.press("j", "r") // the next vendor's review, before the list is in
	f.waitFor("[Scores]", "Delta Cloud")
	read.letGo()

	read = repo.holdNext(t, nil)
	f.press("esc")
	read.asked(t)
	f.homeAsLeft("▸ 4  Delta Cloud")
	f.press("enter")
	f.waitFor("[Interview]", "Delta Cloud")
	read.letGo()
	f.quit()
}

// The list read again on the way home brings others' changes (another
// window, a colleague on the team server): an assessment they started
// appears and one they answered shows its progress, and the cursor
// stays on the assessment it was on, at the same place on the screen.
func TestGoingHomeBringsOthersChangesWithoutMovingTheCursor(t *testing.T) {
	e, repo, f := fiveClouds(t)
	f.press("enter")
	f.waitFor("[Interview]", "Cobalt Cloud")
	other := e.otherWindow()
	q, _ := e.lib.Get("vendor-security-screen")
	if err := other.db.CreateAssessment(context.Background(), &assess.Assessment{UUID: e.uuid(), Subject: "Bravo Cloud", SubjectKind: "vendor",
		Reviewer: "Sam Ortiz", Questionnaire: q, AssessedOn: testToday}); err != nil {
		t.Fatal(err)
	}
	other.answer(4, "mfa", "yes", "")

	read := repo.holdNext(t, nil)
	f.press("esc")
	read.asked(t)
	f.homeAsLeft("▸ 3  Cobalt Cloud")
	read.letGo()
	f.waitFor("6 of 7 · sorted by subject", "Bravo Cloud")
	s := f.screen()
	if !strings.Contains(s, "▸ 3  Cobalt Cloud") {
		t.Errorf("the cursor left Cobalt Cloud when the list read again came in:\n%s", s)
	}
	if row := lineWith(s, "Delta Cloud"); !strings.Contains(row, "1/") {
		t.Errorf("Delta Cloud, answered in another window, does not show its answer: %q", row)
	}
	f.quit()
}

// The assessment under the cursor archived by someone else while it was
// open: the list read again on the way home no longer holds it, and the
// cursor goes to its neighbour, the one after it (or, for the last
// row, the one before), not to the top of the list.
func TestGoingHomeAfterOthersArchivedTheAssessmentKeepsItsNeighbour(t *testing.T) {
	for _, c := range []struct {
		name        string
		moves       []string
		row, beside string
		id          int64
	}{
		{"a row in the middle", nil, "▸ 3  Cobalt Cloud", "▸ 4  Delta Cloud", 3},
		{"the last row", []string{"j", "j"}, "▸ 5  Echo Cloud", "▸ 4  Delta Cloud", 5},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, repo, f := fiveClouds(t)
			f.press(c.moves...)
			f.waitFor(c.row)
			f.press("enter")
			f.waitFor("[Interview]")
			if err := e.otherWindow().db.SetArchived(context.Background(), c.id, true); err != nil {
				t.Fatal(err)
			}
			read := repo.holdNext(t, nil)
			f.press("esc")
			read.asked(t)
			f.homeAsLeft(c.row)
			read.letGo()
			f.waitFor("4 of 5 · sorted by subject", c.beside)
			f.quit()
		})
	}
}

// The list read again on the way home fails (the team server lost):
// the list as it was stays, the cursor where it was, with why above it,
// and its keys still work.
func TestGoingHomeOnAFailedReadKeepsTheList(t *testing.T) {
	_, repo, f := fiveClouds(t)
	f.press("enter")
	f.waitFor("[Interview]", "Cobalt Cloud")
	read := repo.holdNext(t, errors.New("cannot reach the team database postgres://db.example.org/privacy: connection refused; nothing could be read"))
	f.press("esc")
	read.asked(t)
	read.letGo()
	f.waitFor("cannot reach the team database", "nothing could be read")
	f.homeAsLeft("▸ 3  Cobalt Cloud")
	if s := f.screen(); strings.Index(s, "cannot reach") > strings.Index(s, " ID ") {
		t.Errorf("the failure is not said above the list:\n%s", s)
	}
	f.press("r")
	f.waitFor("[Scores]", "Cobalt Cloud")
	f.quit()
}

// lineWith is the line of screen holding text, or "".
func lineWith(screen, text string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, text) {
			return line
		}
	}
	return ""
}
