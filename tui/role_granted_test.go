package tui_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"
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

// The roles read again after a refusal had a deadline in their context
// only: a store deaf to it (a server that accepts and never answers)
// kept the read on its way for ever, and no later refusal read the roles
// again, so a role granted meanwhile never counted. The read is given up
// with the watchdog's quarter past the deadline (withinDeadline), and
// the next refusal reads the roles again.
func TestARolesReadThatNeverAnswersDoesNotStopTheNextOne(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	d.SaveTimeout = time.Second
	roles := approverOnly(&d)
	read, server := d.ReadRoles, newSilentGate(t)
	var later atomic.Bool
	d.ReadRoles = func(ctx context.Context) ([]string, error) {
		if !later.Swap(true) {
			server.hold("the roles")
		}
		return read(ctx)
	}
	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33", "0/33")
	f.press("1")
	f.waitFor("not saved: your login dee has the role approver")
	server.heldNow(t, "the roles")
	roles.grantAnalyst()
	// Each refusal reads the roles again once the hung read is given up.
	deadline := time.Now().Add(screenWait)
	for !strings.Contains(f.screen(), "now has the role analyst and approver") {
		if time.Now().After(deadline) {
			t.Fatalf("the role granted never counted: the hung read of the roles held every later one\n%s", f.screen())
		}
		f.press("1")
		time.Sleep(100 * time.Millisecond)
	}
	f.quit()
}
