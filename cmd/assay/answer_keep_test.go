package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// An answers file changes what it gives and keeps the rest: "mfa: yes"
// after a note and evidence were recorded keeps them (they were wiped,
// leaving the report without the analyst's reasons); a note given alone
// keeps the value and the evidence; evidence written empty clears it.
func TestAnswersFileKeepsWhatItDoesNotGive(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "")
	answer := func(yaml string) {
		t.Helper()
		s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "answers.yaml", "answers:\n"+yaml))
	}
	mfa := func() (value, note, evidence string) {
		t.Helper()
		a := s.openStore()
		defer a.Close()
		n, _ := strconv.ParseInt(id, 10, 64)
		got, err := a.Assessment(context.Background(), n)
		if err != nil {
			t.Fatal(err)
		}
		x := got.Answers["mfa"]
		return strings.Join(x.Value.Choices, ","), x.Note, strings.Join(x.Evidence, ";")
	}
	answer("  mfa: {answer: partial, note: Okta for staff; not for admins, evidence: [IdP policy v2, TICKET-7]}\n")
	answer("  mfa: yes\n")
	if v, n, e := mfa(); v != "yes" || n != "Okta for staff; not for admins" || e != "IdP policy v2;TICKET-7" {
		t.Errorf("after mfa: yes: %q %q %q", v, n, e)
	}
	answer("  mfa: {note: Admins enrolled in March}\n")
	if v, n, e := mfa(); v != "yes" || n != "Admins enrolled in March" || e != "IdP policy v2;TICKET-7" {
		t.Errorf("after a note alone: %q %q %q", v, n, e)
	}
	answer("  mfa: {answer: no, evidence: []}\n")
	if v, n, e := mfa(); v != "no" || n != "Admins enrolled in March" || e != "" {
		t.Errorf("after evidence written empty: %q %q %q", v, n, e)
	}
}
