package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A vendor's answers file, imported, leaves five answers to confirm. y
// confirms the one shown and goes to the next one still to confirm
// (skipping questions without one, and coming round to the first); an
// answer corrected instead is the analyst's and no longer counts; the
// status line counts what is left and says when nothing is.
func TestConfirmVendorAnswersOneAfterAnother(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.importVendorFile(a, `source: vendor
answers:
  attestation: yes
  personnel: yes
  mfa:
    answer: partial
    note: Admins only.
  encryption-rest: yes
  logging: no
`)
	// The analyst answered data-sensitivity, so the vendor's answers
	// begin at question 2.
	sensitivity := assess.Answer{QuestionID: "data-sensitivity", Value: assess.Value{Choices: []string{"personal"}}}
	if err := e.db.SaveAnswer(context.Background(), a.ID, sensitivity); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	// It resumes at the first unanswered question, which has no vendor
	// answer: y only moves on.
	f.waitFor("question 3 of 33", "5 vendor answers to confirm")
	f.press("y")
	f.waitFor("question 4 of 33", "The vendor's answer, not yet confirmed: y confirms it.", "5 vendor answers to confirm")
	f.press("y")
	f.waitFor("question 7 of 33", "Admins only.", "4 vendor answers to confirm")
	f.press("y")
	f.waitFor("question 11 of 33", "3 vendor answers to confirm")
	f.press("3") // corrected: the analyst's answer now
	f.waitFor("question 12 of 33", "2 vendor answers to confirm")
	f.press("y")
	f.waitFor("question 19 of 33", "2 vendor answers to confirm")
	f.press("y")
	f.waitFor("question 2 of 33", "1 vendor answer to confirm")
	f.press("y")
	f.waitFor("vendor answers all confirmed", "Every vendor answer is confirmed.", "saved ✓")
	f.waitGone("not yet confirmed: y confirms it")
	f.quit()

	e.reopen()
	got := e.load(a.ID).Answers
	for _, id := range []string{"attestation", "personnel", "mfa", "logging"} {
		if ans := got[id]; ans.Source != assess.ByVendor || !ans.Reviewed {
			t.Errorf("%s stored as source %q, reviewed %v; want the vendor's, confirmed", id, ans.Source, ans.Reviewed)
		}
	}
	if n := got["mfa"].Note; n != "Admins only." {
		t.Errorf("mfa's note stored as %q after confirming", n)
	}
	if ans := got["encryption-rest"]; ans.Source != assess.ByAnalyst || len(ans.Value.Choices) != 1 || ans.Value.Choices[0] != "no" {
		t.Errorf("encryption-rest stored as %+v; want the analyst's no", ans)
	}
}
