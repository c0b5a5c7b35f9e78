package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// People's requests to see, correct or delete their data are one
// requirement of the agreement (GDPR Article 28(3)(e), dpa-assistance)
// and one of practice: that the vendor can act on our request about one
// person's data in time for us to answer within the month Article 12(3)
// allows (rights-assistance). Asked twice as "will the vendor help", a
// vendor with no clause was counted twice, and one with the clause but
// no turnaround was told to add the clause it had signed.
func TestTPDDRightsRequestsAskedOnceEach(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	clause, ok := q.Question("dpa-assistance")
	if !ok {
		t.Fatal("no dpa-assistance")
	}
	practice, ok := q.Question("rights-assistance")
	if !ok {
		t.Fatal("no rights-assistance")
	}
	if !strings.Contains(clause.Text, "oblige") {
		t.Errorf("dpa-assistance does not ask about the agreement's obligation: %q", clause.Text)
	}
	for _, w := range []string{"clause", "agreement", "contract", "oblige"} {
		if strings.Contains(strings.ToLower(practice.Text+" "+practice.Action), w) {
			t.Errorf("rights-assistance asks about the %s, which dpa-assistance asks: %q / %q", w, practice.Text, practice.Action)
		}
	}

	path := filepath.Join("testdata", "verdicts", "tpdd-payroll-bureau-rights-clause-no-request-process.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res := assess.Score(q, answersFile(t, path, src, q), assessedOn)
	var actions []string
	for _, f := range res.Findings {
		actions = append(actions, f.QuestionID+": "+f.Action)
	}
	if len(res.Findings) != 1 || res.Findings[0].QuestionID != "rights-assistance" {
		t.Fatalf("findings %q, want rights-assistance's only", actions)
	}
	// The bureau's agreement has the clause: its action is a turnaround
	// for our requests, in working days, not the clause again.
	if a := res.Findings[0].Action; strings.Contains(a, "clause") || !strings.Contains(a, "working days") {
		t.Errorf("rights-assistance's action for a vendor with the clause: %q", a)
	}
}
