package main

import (
	"strings"
	"testing"
)

// A subject may be named with digits ("2", "1984"), and subject show and
// edit take a name or an ID: when the digits are one subject's ID and
// another subject's name, they are refused as naming two subjects, and
// nothing changes. Taken as the ID, an edit meant for the subject named
// "2" was silently made to subject 2, and the one named "2" could not be
// reached by its name at all.
func TestASubjectRefThatIsOneIDAndAnothersNameIsRefused(t *testing.T) {
	s := newCLISession(t)
	s.ok("subject", "add", "Acme", "--owner", "Procurement") // subject 1
	s.ok("subject", "add", "Globex")                         // subject 2
	if id := strings.TrimSpace(s.ok("subject", "add", "1")); id != "3" {
		t.Fatalf("subject add 1 printed %q, want 3", id)
	}
	const want = `"1" is the ID of subject 1 (Acme) and the name of subject 3`
	s.fails(want, "subject", "edit", "1", "--owner", "Legal")
	s.fails(want, "subject", "show", "1")
	if out := s.ok("subject", "show", "Acme"); !strings.Contains(out, "Owner:    Procurement") {
		t.Errorf("the refused edit changed Acme:\n%s", out)
	}
	if out := s.ok("subject", "show", "3"); !strings.Contains(out, "Owner:    -") {
		t.Errorf("the refused edit changed subject 3:\n%s", out)
	}
	// Either subject is still reached one way that names it alone; digits
	// that are an ID and no other subject's name are that ID.
	s.ok("subject", "edit", "3", "--owner", "Legal")
	if out := s.ok("subject", "show", "3"); !strings.Contains(out, "Subject 3: 1\n") || !strings.Contains(out, "Owner:    Legal") {
		t.Errorf("subject edit 3:\n%s", out)
	}
	if out := s.ok("subject", "show", "2"); !strings.Contains(out, "Subject 2: Globex\n") {
		t.Errorf("subject show 2:\n%s", out)
	}
}
