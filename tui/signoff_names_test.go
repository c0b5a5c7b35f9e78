package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// PostgreSQL logins are often written with underscores (dee_rev,
// ana_ops). The sign-off's notes are drawn by a field that reads _, *, `
// and \ as markup: "You sign as dee_rev" read "You sign as deerev", on
// the very page that says under which name the signature is kept. Every
// name and identifier there reads as it is.
func TestSignOffNamesTheSignerAsTheLoginIsWritten(t *testing.T) {
	e, a := payrollAnswered(t)
	if _, err := e.db.Review(assess.WithActor(context.Background(), "ana_ops"), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	d := e.deps()
	d.Actor, d.Login, d.Roles = "dee_rev*2`x", "dee_rev*2`x", []string{assess.RoleApprover}
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]")
	f.press("tab")
	f.waitFor("[Review]", "submitted by ana_ops")
	f.press("S")
	f.waitFor("Decision", "Approve")
	if s := f.screen(); !strings.Contains(belowHeader(s), "dee_rev*2`x") {
		t.Errorf("the sign-off does not name the signer as the login is written:\n%s", s)
	}
	f.press("enter")
	f.waitFor("Comment")
	if s := f.screen(); !strings.Contains(belowHeader(s), "dee_rev*2`x") {
		t.Errorf("the signing page does not name the signer as the login is written:\n%s", s)
	}
	f.press("esc")
	f.quit()
}

// belowHeader is the screen without its first line, which names the login.
func belowHeader(screen string) string {
	_, rest, _ := strings.Cut(screen, "\n")
	return rest
}
