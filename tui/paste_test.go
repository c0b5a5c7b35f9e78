package tui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A path pasted into the export's name (as a terminal pastes, bracketed)
// is the name exported to: the paste was dropped, leaving the field as
// it was. Its line break, and an escape sequence or a bidi control in
// it, do not become part of the name.
func TestAPastedExportPathIsUsed(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // empty the field
	want := filepath.Join(e.dir, "for-the-committee.md")
	f.tm.Send(tea.PasteMsg{Content: filepath.Join(e.dir, "for-the-\x1b[31mcommittee\u202e.md") + "\n"})
	f.waitFor("001/for-the-committee.md ")
	f.press("enter")
	f.waitFor("Exported to " + want)
	f.quit()
	if got, err := os.ReadFile(want); err != nil || !bytes.HasPrefix(got, []byte("Committee report\n\n# Every question type: Payroll system")) {
		t.Errorf("%s holds %.40q (%v); want the report", want, got, err)
	}
}

// Text pasted into the home screen's filter filters, as typed text does.
func TestAPastedFilterFilters(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.create("vendor-security-screen", "Globex Payroll")
	f := e.start()
	f.waitFor("Acme Cloud Ltd", "Globex Payroll")
	f.press("/")
	f.tm.Send(tea.PasteMsg{Content: "Globex"})
	f.waitFor("/Globex", "1 of 2")
	f.press("enter") // keeps the filter; q quits again
	f.quit()
}
