package main

import (
	"strings"
	"testing"
)

// The plan's table cuts an action to 60 cells (and an owner to 30) to
// keep its rows one line, and showed no more of it: an action of 200
// characters could not be read whole anywhere in assay plan's listing.
// What the table cut is shown whole under it, with the item's other
// notes, as an action written in lines already was; what fits is not
// repeated.
func TestPlanShowsACutActionWholeUnderTheTable(t *testing.T) {
	s := newCLISession(t)
	id := s.worstCase("vendor-security-screen")
	long := strings.Repeat("Require the vendor to ", 9) + "rotate keys." // 9*22+12 = 210 characters
	owner := "Procurement and Vendor Risk Office, EMEA region"           // 47 characters
	s.ok("plan", id, "--item", "mfa", "--action", long, "--owner", owner)
	s.ok("plan", id, "--item", "patching", "--action", "Patch within 15 days.")

	out := s.ok("plan", id)
	head, rest, _ := strings.Cut(out, "ITEM ")
	table, notes, _ := strings.Cut(rest, "\n\n")
	if strings.Contains(head+table, long) || strings.Contains(head+table, owner) {
		t.Errorf("the table holds the whole action or owner: its row is not cut\n%s", out)
	}
	// mfa is critical in the worst case, so it may be the first item noted.
	if !strings.Contains("\n"+notes, "\nmfa:\n  action: "+long+"\n  owner: "+owner+"\n") {
		t.Errorf("the notes under the table do not show mfa's cut action and owner whole:\n%s", notes)
	}
	if strings.Contains(out, "patching:") {
		t.Errorf("an action that fits its cell is repeated under the table:\n%s", out)
	}
}
