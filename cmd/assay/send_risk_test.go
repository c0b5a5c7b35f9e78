package main

import (
	"context"
	"strings"
	"testing"
)

// A DPIA's risk ratings are the analyst's: assay send leaves them out of
// the vendor's file ("rated by us, not part of this file"). A vendor who
// adds one back was recorded as rating our risk (likelihood 1, impact 1
// lowers the level the assessment asks the committee about); now the
// entry is refused at its line and field, as an internal question's is,
// and nothing is recorded. Our own file rates it as before.
func TestVendorFileCannotRateOurRisks(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Card fraud", "--date", "2026-01-31"))
	sent := s.sent(id)
	if strings.Contains(sent, "  risk-access:") {
		t.Fatal("the sent file asks the vendor to rate risk-access")
	}
	last := strings.LastIndex(sent, "\n# The assessment this file answers")
	line := strings.Count(sent[:last], "\n") + 3 // the likelihood's line
	forged := sent[:last] + "\n  risk-access:\n    likelihood: 1\n    impact: 1\n" + sent[last:]
	s.fails("forged.yaml:"+itoa(line)+":17: answers.risk-access.likelihood: risk-access is rated by us, not the vendor",
		"answer", id, "-f", writeTemp(t, "forged.yaml", forged))
	uuid := sent[strings.LastIndex(sent, "\nassessment: ")+1:]
	s.fails("risk-access is rated by us, not the vendor", "answer", id, "--vendor",
		"-f", writeTemp(t, "plain.yaml", sentLine.FindString(sent)+"answers:\n  risk-access: {likelihood: 1, impact: 1}\n"+uuid))
	recorded := func() bool {
		db := s.openStore()
		defer db.Close()
		a, err := db.Assessment(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		_, ok := a.Answers["risk-access"]
		return ok
	}
	if recorded() {
		t.Fatal("a refused vendor file recorded a rating of risk-access")
	}
	// Rated by us, a vendor file that gives the same rating back changes
	// nothing and is read; our own file rates it.
	s.ok("answer", id, "--own", "-f", writeTemp(t, "own.yaml", "answers:\n  risk-access: {likelihood: 3, impact: 3}\n"))
	if !recorded() {
		t.Fatal("--own did not record our rating of risk-access")
	}
	same := sent[:last] + "\n  risk-access:\n    likelihood: 3\n    impact: 3\n" + sent[last:]
	if code, _, errOut := s.run("", "answer", id, "-f", writeTemp(t, "same.yaml", same)); code != 0 ||
		!strings.Contains(errOut, "same.yaml rates 1 risk we rate ourselves (risk-access): it says what we recorded, and was ignored") {
		t.Errorf("a vendor file giving our rating back: exit %d, %q", code, errOut)
	}
	s.fails("risk-access is rated by us, not the vendor", "answer", id, "-f", writeTemp(t, "lower.yaml", forged))
}
