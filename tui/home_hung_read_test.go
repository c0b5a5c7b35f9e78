package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// A team server that accepts and never answers: the home list read again
// (ctrl+r, others' changes, the way home) had no deadline, so the top
// line said "refreshing…" for as long, every later read of others'
// changes waited behind it unseen, and nothing said that the list shown
// was no longer the store's. The read now has the write's deadline
// (withinDeadline): once it and the watchdog's quarter have passed, the
// list says above the table that it was not read again and why, the
// list as last read stays and its keys work, and the next read that
// answers takes the words away and brings what changed.
func TestAHungReadOfTheHomeListIsGivenUpAndSaid(t *testing.T) {
	const notRead = "The list was not read again: no answer from the database within 1.25s"
	for _, c := range []struct {
		name string
		// ask makes the home screen read the list again.
		ask func(e *env, f *flow)
	}{
		{"ctrl+r", func(_ *env, f *flow) { f.press("ctrl+r") }},
		{"others' change", func(e *env, _ *flow) { e.otherWindow().answer(2, "mfa", "yes", "") }},
		{"the way home", func(_ *env, f *flow) {
			f.press("enter")
			f.waitFor("[Interview]", "Cobalt Cloud")
			f.press("esc")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, repo, f := fiveCloudsWith(t, func(e *env, d *tui.Deps) {
				d.SaveTimeout = time.Second
				d.Changes = e.watchingDeps().Changes
			})
			read := repo.holdNext(t, nil)
			c.ask(e, f)
			read.asked(t)
			f.waitFor(notRead, "It shows the assessments as last read; ctrl+r reads it again.")
			f.homeAsLeft("▸ 3  Cobalt Cloud")
			if s := f.screen(); strings.Contains(s, "refreshing…") {
				t.Errorf("the list given up is still said to be refreshing:\n%s", s)
			}
			// The list as last read still works: its keys act at once.
			f.press("r")
			f.waitFor("[Scores]", "Cobalt Cloud")
			read.letGo()
			// A colleague starts one meanwhile; the next read answers.
			q, _ := e.lib.Get("vendor-security-screen")
			if err := e.otherWindow().db.CreateAssessment(context.Background(), &assess.Assessment{UUID: e.uuid(), Subject: "Bravo Cloud",
				SubjectKind: "vendor", Reviewer: "Sam Ortiz", Questionnaire: q, AssessedOn: testToday}); err != nil {
				t.Fatal(err)
			}
			f.press("esc")
			f.waitFor("6 of 7 · sorted by subject", "Bravo Cloud")
			f.waitGone("was not read again")
			f.quit()
		})
	}
}

// The subjects due for reassessment read again with the list (ctrl+r)
// had no deadline either: a read the server never answers left the
// reminder as it was, unsaid. It is given up in the same time, the
// reminder as last read stays and is said to be so, and the next read
// that answers takes the words away.
func TestAHungReadOfTheSubjectsDueIsGivenUpAndSaid(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	server := newSilentGate(t)
	e.due = func(context.Context, assess.Date) ([]assess.DueSubject, error) {
		server.holdWhileSilent("the subjects due")
		return []assess.DueSubject{{Subject: &assess.Subject{Name: "Zenith Payroll"}, State: assess.DueOverdue, Due: assess.NewDate(2026, time.January, 10)}}, nil
	}
	d := e.deps()
	d.SaveTimeout = time.Second
	f := e.startWith(d)
	f.waitFor("Reassessment: Zenith Payroll was due 2026-01-10", "Acme Cloud Ltd")
	server.goSilent()
	f.press("ctrl+r")
	f.waitFor("The subjects due for reassessment were not read again: no answer from the database within 1.25s; ctrl+r reads them again.",
		"Reassessment: Zenith Payroll was due 2026-01-10", "Acme Cloud Ltd")
	server.answer()
	f.press("ctrl+r")
	f.waitGone("were not read again")
	f.waitFor("Reassessment: Zenith Payroll was due 2026-01-10")
	f.quit()
}
