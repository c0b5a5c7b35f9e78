package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An auditor presses every write key, as one exploring the workspace
// does. The refusal of an answer stayed on every screen after it, above
// whatever each later key said: on the review, S's "nothing for you to
// sign" never showed, nor, on the portfolio, n's refusal, so that those
// keys seemed to do nothing at all. The newest refusal is the one shown.
func TestALaterRefusalIsShownOverAnEarlierOne(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	d.Actor, d.Login = "aud", "aud"
	d.Roles = []string{assess.RoleAuditor}

	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33")
	f.press("1")
	f.waitFor("not saved: your login aud has the role auditor")
	f.press("tab")
	f.waitFor("State: draft")
	f.press("S")
	f.waitFor("nothing to sign: login aud has the role auditor")
	f.press("esc")
	f.waitFor("sorted by")
	f.press("n")
	f.waitFor("no new assessment: your login aud has the role auditor")
	if s := f.screen(); strings.Contains(s, "not saved") {
		t.Errorf("the answer's refusal still shows over the later one:\n%s", s)
	}
	f.quit()
}
