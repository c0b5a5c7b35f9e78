package tui_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The portfolio: filter as you type, sort, archive and show archived.
func TestHomeFilterSortArchive(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Zenith Payroll")
	e.create("dpia", "Customer analytics platform")
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("3 of 3", "Zenith Payroll", "Customer analyti", "Acme Cloud Ltd")
	f.golden("home")

	f.press("/")
	f.typeText("acme")
	f.waitFor("1 of 3")
	f.waitGone("Zenith Payroll")
	f.press("esc")
	f.waitFor("3 of 3", "Zenith Payroll")

	f.press("s")
	f.waitFor("sorted by subject", "▸ 3  Acme Cloud Ltd")
	f.press("down")
	f.waitFor("▸ 2  Customer analyti")
	f.press("a")
	f.waitFor("2 of 2")
	f.waitGone("Customer analyti")
	f.press("A")
	f.waitFor("3 of 3", "archived shown", "archived ")
	f.press("?")
	f.waitFor("Keys on this screen", "archive/restore")
	f.golden("home-help")
	f.press("esc")
	f.waitGone("Keys on this screen")
	f.quit()
}

// Subjects due or overdue for reassessment are named on the home screen.
func TestHomeShowsReassessmentsDue(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.due = func(context.Context, assess.Date) ([]assess.DueSubject, error) {
		return []assess.DueSubject{
			{Subject: &assess.Subject{Name: "Zenith Payroll"}, State: assess.DueOverdue, Due: assess.NewDate(2026, time.January, 10)},
			{Subject: &assess.Subject{Name: "Northwind"}, State: assess.DueSoon, DaysLeft: 20, Due: assess.NewDate(2026, time.April, 2)},
			{Subject: &assess.Subject{Name: "Never Seen"}, State: assess.DueNever},
		}, nil
	}
	f := e.start()
	f.waitFor("Reassessment: Zenith Payroll was due 2026-01-10; Northwind due 2026-04-02", "Acme Cloud Ltd")
	if strings.Contains(f.screen(), "Never Seen") {
		t.Errorf("a subject never assessed is listed as due:\n%s", f.screen())
	}
	f.quit()
}

// ctrl+r reads the reminders again with the list: a subject reassessed
// since the workspace opened (from the command line, or by a colleague)
// is no longer named as overdue.
func TestHomeRefreshReadsReassessmentsAgain(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	var mu sync.Mutex
	overdue := []assess.DueSubject{{Subject: &assess.Subject{Name: "Zenith Payroll"}, State: assess.DueOverdue, Due: assess.NewDate(2026, time.January, 10)}}
	e.due = func(context.Context, assess.Date) ([]assess.DueSubject, error) {
		mu.Lock()
		defer mu.Unlock()
		return overdue, nil
	}
	f := e.start()
	f.waitFor("Reassessment: Zenith Payroll was due 2026-01-10", "Acme Cloud Ltd")
	mu.Lock()
	overdue = []assess.DueSubject{{Subject: &assess.Subject{Name: "Northwind"}, State: assess.DueSoon, DaysLeft: 20, Due: assess.NewDate(2026, time.April, 2)}}
	mu.Unlock()
	f.press("ctrl+r")
	f.waitFor("Reassessment: Northwind due 2026-04-02")
	if strings.Contains(f.screen(), "Zenith") {
		t.Errorf("the reassessed subject is still named after ctrl+r:\n%s", f.screen())
	}
	f.quit()
}

// Many subjects overdue: the reminder says how many before it names them,
// so that a line cut to the terminal's width still tells the extent (the
// count of those not named came last, past the edge of the screen).
func TestHomeReminderCountsBeforeItNames(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	var due []assess.DueSubject
	for i := range 14 {
		due = append(due, assess.DueSubject{Subject: &assess.Subject{Name: fmt.Sprintf("Legacy system number %d with a long name", i)}, State: assess.DueOverdue, Due: assess.NewDate(2022, time.January, 1+i)})
	}
	due = append(due, assess.DueSubject{Subject: &assess.Subject{Name: "Northwind"}, State: assess.DueSoon, DaysLeft: 20, Due: assess.NewDate(2026, time.April, 2)})
	e.due = func(context.Context, assess.Date) ([]assess.DueSubject, error) { return due, nil }
	f := e.startSized(e.deps(), 60, 20)
	f.waitFor("Reassessment, 14 overdue, 1 due soon: Legacy system", "Acme Cloud Ltd")
	f.quit()
}
