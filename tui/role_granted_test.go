package tui_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A role granted while the workspace is open counts without a restart:
// a change refused for lack of it has the login's roles read again, and
// once the role is there the workspace says so, and the next try saves.
// Roles are read only then, not at every key.
func TestARoleGrantedWhileTheWorkspaceIsOpenCountsFromTheNextTry(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	d.Actor, d.Login = "dee", "dee"
	d.Roles = []string{assess.RoleApprover}
	var mu sync.Mutex
	held, reads := []string{assess.RoleApprover}, 0
	d.ReadRoles = func(context.Context) ([]string, error) {
		mu.Lock()
		defer mu.Unlock()
		reads++
		return append([]string{}, held...), nil
	}
	readsNow := func() int { mu.Lock(); defer mu.Unlock(); return reads }

	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 25", "0/25")
	if n := readsNow(); n != 0 {
		t.Errorf("roles read %d times before any refusal", n)
	}
	// Refused while the role is not there: read again, and still refused.
	f.press("1")
	f.waitFor("not saved: your login dee has the role approver")
	f.press("1")
	f.waitFor("not saved: your login dee has the role approver")

	mu.Lock()
	held = []string{assess.RoleAnalyst, assess.RoleApprover}
	mu.Unlock()
	f.press("1")
	f.waitFor("your login dee now has the role analyst and approver: try again")
	if s := f.screen(); strings.Contains(s, "not saved") {
		t.Errorf("the refusal still shows once the role came:\n%s", s)
	}
	f.press("1")
	f.waitFor("1/25")
	f.quit()
	if got := e.load(a.ID); len(got.Answers) != 1 {
		t.Errorf("answers stored: %v, want the one given once the role came", got.Answers)
	}
}
