package tui_test

import (
	"errors"
	"strings"
	"testing"
)

// An export's error is shown whole, wrapped, at 80 columns: the message
// for a missing folder says what was not written, why and that nothing
// was, and its end ("nothing was written") was cut with "…". The error is
// the one assay's writer gives (cmd/assay output.go), as CreateFile here.
func TestReportExportErrorIsShownWholeAt80Columns(t *testing.T) {
	e, _ := payrollAnswered(t)
	const refused = "cannot write ~/missing/acme.md: the folder ~/missing does not exist, and assay creates none; nothing was written"
	d := e.deps()
	d.CreateFile = func(string, []byte) error { return errors.New(refused) }
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.press("enter")
	f.waitFor("export failed: cannot write", "? keys")
	screen := f.screen()
	if s := strings.Join(strings.Fields(screen), " "); !strings.Contains(s, "export failed: "+refused) {
		t.Errorf("the error is not shown whole:\n%s", screen)
	}
	if got := strings.Count(screen, "\n") + 1; got > 24 {
		t.Errorf("the screen is %d lines, over the terminal's 24:\n%s", got, screen)
	}
	f.quit()
}
