package tui_test

import (
	"strings"
	"testing"
)

// In team mode the header names the database login every change is
// recorded under, on every screen; a person's own file shows none.
func TestHeaderNamesTheTeamLogin(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	d.Login, d.Actor = "ana.silva", "ana.silva"
	f := e.startWith(d)
	f.waitFor("assay team: ana.silva › ", "Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("assay team: ana.silva › #1 Acme Cloud Ltd")
	f.quit()

	f = e.start()
	f.waitFor("Acme Cloud Ltd")
	if strings.Contains(f.screen(), "team:") {
		t.Errorf("a personal file's header names a team login:\n%s", f.screen())
	}
	f.quit()
}
