package tui_test

import (
	"strings"
	"testing"
)

// A role granted while the workspace is open counts without a restart:
// a change refused for lack of it has the login's roles read again, and
// once the role is there the workspace says so, and the next try saves.
// Roles are read only then, not at every key.
func TestARoleGrantedWhileTheWorkspaceIsOpenCountsFromTheNextTry(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	roles := approverOnly(&d)
	readsNow := roles.readCount

	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33", "0/33")
	if n := readsNow(); n != 0 {
		t.Errorf("roles read %d times before any refusal", n)
	}
	// Refused while the role is not there: read again, and still refused.
	f.press("1")
	f.waitFor("not saved: your login dee has the role approver")
	f.press("1")
	f.waitFor("not saved: your login dee has the role approver")

	roles.grantAnalyst()
	f.press("1")
	f.waitFor("your login dee now has the role analyst and approver: try again")
	if s := f.screen(); strings.Contains(s, "not saved") {
		t.Errorf("the refusal still shows once the role came:\n%s", s)
	}
	f.press("1")
	f.waitFor("1/33")
	f.quit()
	if got := e.load(a.ID); len(got.Answers) != 1 {
		t.Errorf("answers stored: %v, want the one given once the role came", got.Answers)
	}
}
