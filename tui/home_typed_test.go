package tui_test

import "testing"

// Keys typed as the workspace opens, before the portfolio's first page
// is in, had no row to act on and were lost: j j r opened nothing. They
// wait for the list and act on it, in their order.
func TestKeysTypedBeforeTheListIsInActOnIt(t *testing.T) {
	e := newEnv(t)
	for _, s := range []string{"Acme Cloud", "Beta Cloud", "Cobalt Cloud"} {
		e.create("vendor-security-screen", s)
	}
	repo := &heldLists{Repository: e.db}
	read := repo.holdNext(t, nil)
	d := e.deps()
	d.Repo = repo
	f := e.startWith(d)
	read.asked(t)
	f.waitFor("Loading…")
	f.press("j", "j", "r") // the third row, most recent first: Acme Cloud
	read.letGo()
	f.waitFor("[Scores]", "Acme Cloud")
	f.quit()
}

// C compares with the subject's previous assessment, which only the
// whole portfolio names: pressed while only the first page is in, it
// waits for the rest and then compares, rather than saying the list is
// still loading and doing nothing.
func TestComparePreviousPressedBeforeTheWholeListWaitsForIt(t *testing.T) {
	e := twoYears(t)
	repo := &heldLists{Repository: e.db, pad: portfolioOf(e, 500, 100_000).items}
	read := repo.holdWhole(t)
	d := e.deps()
	d.Repo = repo
	f := e.startWith(d)
	read.asked(t)
	f.waitFor("loading the rest…", "Payroll system")
	f.press("C")
	read.letGo()
	f.waitFor("compare #1 → #2")
	f.quit()
}

// Keys typed while the list is read are kept up to a bound (256), and
// those after it were dropped without a word: a person who typed on
// found that some of it did nothing and could not know why. The screen
// now says how many were not used.
func TestKeysTypedPastTheBoundWhileTheListLoadsAreSaidNotUsed(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud")
	repo := &heldLists{Repository: e.db}
	read := repo.holdNext(t, nil)
	d := e.deps()
	d.Repo = repo
	f := e.startWith(d)
	read.asked(t)
	f.waitFor("Loading…")
	for range 256 + 44 {
		f.press("j") // the first row and no other: nowhere to go
	}
	read.letGo()
	f.waitFor("Acme Cloud", "44 keys typed while assay was reading were not used: it keeps the first 256")
	f.quit()
}
