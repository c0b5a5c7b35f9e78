package main

import (
	"strings"
	"testing"
)

// The questions we answer about the vendor (how critical it is to us, how
// hard it would be to replace, our exit plan) are not sent to it: the
// sent file holds neither them nor what we recorded on them.
func TestSendLeavesOutInternalQuestions(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", writeTemp(t, "own.yaml", `answers:
  substitutability:
    answer: hard
    note: Planted-substitutability-note, our negotiating position.
    evidence: [Planted-substitutability-evidence]
  outage-impact:
    answer: customer
    note: Planted-outage-note.
  exit-plan:
    answer: "no"
    note: Planted-exit-plan-note.
  mfa:
    answer: "yes"
    note: Vendor-facing mfa note.
`))
	sent := s.sent(id)
	for _, leak := range []string{"substitutability:", "outage-impact:", "recovery-need:", "exit-plan:",
		"Planted-substitutability-note", "Planted-substitutability-evidence", "Planted-outage-note", "Planted-exit-plan-note",
		"Ask the business owner", "How hard would it be to replace"} {
		if strings.Contains(sent, leak) {
			t.Errorf("the sent file holds %q", leak)
		}
	}
	if !strings.Contains(sent, "Vendor-facing mfa note.") {
		t.Error("the sent file lost the answer to a question the vendor answers")
	}
	if !strings.Contains(strings.Join(strings.Fields(sent), " "), "# Questions we answer ourselves are not included") {
		t.Errorf("the sent file's header does not say our own questions are left out:\n%.600s", sent)
	}
}

// A vendor's file that answers a question we answer ourselves is refused
// at its line and field, and nothing is recorded; the analyst's own file
// (--own) answers it as before.
func TestVendorFileCannotAnswerInternalQuestions(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
	sent := s.sent(id)
	last := strings.LastIndex(sent, "\n# The assessment this file answers")
	added := "\n  substitutability: easy\n"
	line := strings.Count(sent[:last], "\n") + 2
	forged := sent[:last] + added + sent[last:]
	forged = fill(t, forged, "mfa", `"yes"`)
	file := writeTemp(t, "forged.yaml", forged)
	s.fails("forged.yaml:"+itoa(line)+":21: answers.substitutability: substitutability is answered by us, not the vendor", "answer", id, "-f", file)
	uuid := sent[strings.LastIndex(sent, "\nassessment: ")+1:]
	s.fails("answered by us, not the vendor", "answer", id, "--vendor", "-f", writeTemp(t, "plain.yaml", sentLine.FindString(sent)+"answers:\n  substitutability: easy\n"+uuid))
	md := s.ok("report", id, "--as-of", "2026-02-01")
	if strings.Contains(md, "switching takes weeks") {
		t.Error("a refused file recorded the vendor's answer to substitutability")
	}
	s.ok("answer", id, "--own", "-f", writeTemp(t, "own.yaml", "answers:\n  substitutability: easy\n"))
	if md := s.ok("report", id, "--as-of", "2026-02-01"); !strings.Contains(md, "switching takes weeks") {
		t.Error("--own did not record our answer to substitutability")
	}
}
