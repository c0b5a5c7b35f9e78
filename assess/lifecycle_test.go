package assess

import (
	"strings"
	"testing"
)

// Four eyes looks at the submission under review: its author may not
// approve it, whatever the case or spacing of the name; once someone else
// resubmitted, the first author may.
func TestCheckFourEyes(t *testing.T) {
	on := NewDate(2026, 3, 2)
	sign := func(role, decision, name string) SignOff {
		return SignOff{Role: role, Decision: decision, Name: name, On: on}
	}
	cases := []struct {
		name     string
		signs    []SignOff
		approver string
		refused  bool
	}{
		{"the submitter", []SignOff{sign(RoleAuthor, "submitted", "Ana Analyst")}, "Ana Analyst", true},
		{"the submitter, other case and spaces", []SignOff{sign(RoleAuthor, "submitted", "Ana Analyst")}, "  ana analyst ", true},
		{"someone else", []SignOff{sign(RoleAuthor, "submitted", "Ana Analyst")}, "Rui Reviewer", false},
		{"resubmitted by someone else", []SignOff{
			sign(RoleAuthor, "submitted", "Ana Analyst"), sign(RoleReviewer, "rejected", "Rui Reviewer"),
			sign(RoleAuthor, "submitted", "Sam Second"), sign(RoleDPO, DPOFavourable, "Ana Analyst"),
		}, "Ana Analyst", false},
		{"never submitted", nil, "Ana Analyst", false},
	}
	for _, c := range cases {
		err := CheckFourEyes(&Assessment{SignOffs: c.signs}, c.approver)
		if c.refused != (err != nil) {
			t.Errorf("%s: refused %v, want %v (%v)", c.name, err != nil, c.refused, err)
		}
		if err != nil && (ErrorCode(err) != EConflict || !strings.Contains(err.Error(), "submitted it for review on 2026-03-02, and with four_eyes set someone else must approve it")) {
			t.Errorf("%s: %s %v", c.name, ErrorCode(err), err)
		}
	}
}
