package tui_test

import (
	"testing"
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
	f.waitFor("sorted by subject", "▸ 3    Acme Cloud Ltd")
	f.press("down")
	f.waitFor("▸ 2    Customer analyti")
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
