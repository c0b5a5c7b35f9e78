package tui_test

import (
	"strings"
	"testing"
)

// At 100 columns the sections' titles show whole: the vendor screen's
// longest, "Incidents and sub-processors", was cut to fit a column of a
// third of the terminal while the question had room to spare.
func TestSectionTitlesWholeAt100Columns(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.startSized(e.deps(), 100, 30)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33")
	f.waitFor("Incidents and sub-processors 0/7")
	f.quit()
}

// At 60 columns the portfolio gives its room to the subject, not to a
// questionnaire column and levels padded for names they do not have: the
// subject showed seven characters.
func TestPortfolioAt60ColumnsShowsTheSubject(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.createFrom("all-types.yaml", "Payroll system")
	f := e.startSized(e.deps(), 60, 20)
	f.waitFor("2 of 2", "Acme Cloud Ltd", "Payroll system")
	for _, want := range []string{"Acme Cloud Ltd", "Payroll system", "not rated yet"} {
		if !strings.Contains(f.screen(), want) {
			t.Errorf("%q is not shown whole at 60 columns:\n%s", want, f.screen())
		}
	}
	f.quit()
}
