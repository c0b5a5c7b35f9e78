package main

import (
	"strings"
	"testing"
	"time"
)

// An assessment is dated the day it is made, or an earlier one: dated
// ahead, its deadlines ran from a day not yet come, so its items were
// neither due nor overdue for as long (a plan kept off the overdue list
// by a typo), and no step of its review could be signed until that day.
func TestAssessmentDateNotAfterToday(t *testing.T) {
	s := newCLISession(t)
	ahead := time.Now().AddDate(0, 0, 2).Format(time.DateOnly) // two days: whatever the time zone
	s.fails("--date: "+ahead+" is after today", "new", "-q", "vendor-security-screen", "-s", "Acme", "--date", ahead)
	if out := s.listed(); strings.Contains(out, "Acme") {
		t.Errorf("the refused assessment was recorded:\n%s", out)
	}
	today := time.Now().Format(time.DateOnly)
	if id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", today)); id != "1" {
		t.Errorf("an assessment dated today: %q", id)
	}
}
