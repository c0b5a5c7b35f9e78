package tui_test

import (
	"strings"
	"testing"
)

// An owner longer than the field, typed and left for the next field,
// showed its tail ("…Middle Middle Ownerend"): a person reads a name from
// its beginning. A text input the cursor has left shows its start.
func TestAnUnfocusedLongOwnerShowsItsStart(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.otherWindow().answer(a.ID, "attestation", "no", "")
	f := e.startSized(e.deps(), 100, 50) // tall enough for the owner above the field after it
	f.waitFor("Acme Cloud Ltd")
	f.press("p")
	f.waitFor("[Plan]", "attestation")
	f.press("enter")
	f.waitFor("┃ Owner")
	owner := "Ownerstart " + strings.Repeat("Middle ", 15) + "Ownerend"
	f.typeText(owner)
	f.waitFor("Ownerend")
	f.press("enter")
	f.waitFor("┃ Due date")
	s := f.screen()
	if !strings.Contains(s, "> Ownerstart Middle") || strings.Contains(s, "Ownerend") {
		t.Errorf("the owner left for the next field does not show its start:\n%s", s)
	}
	f.press("esc")
	f.quit()
}
