package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// With four_eyes set in the config file, the sign-off offered the person
// who submitted the assessment Approve and Reject, asked for a comment,
// and the store then refused. It offers what they may do, says why
// Approve and Reject are not there, and the review's line says what S
// does for them.
func TestSignOffWithFourEyesOffersTheSubmitterNoApproval(t *testing.T) {
	e, _ := submittedUnderFourEyes(t, "Dana Reyes")
	d := e.deps()
	d.FourEyes = true
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review, submitted by Dana Reyes")
	saysInTheWorkspace(t, f.screen(), "you submitted it: another approver decides; S withdraws it to draft")
	f.press("S")
	f.waitFor("Withdraw to draft")
	s := f.screen()
	for _, withheld := range []string{"Approve: it is then locked", "Reject: send it back"} {
		if strings.Contains(s, withheld) {
			t.Errorf("the submitter's sign-off offers %q:\n%s", withheld, s)
		}
	}
	saysInTheWorkspace(t, s, "Approve and Reject are not offered: you submitted it for review on 2026-03-31; another approver decides (four eyes), or withdraw it to draft.")
	f.press("esc")
	f.waitFor("State: in review")
	f.quit()
}

// submittedUnderFourEyes is the answered payroll assessment on a file
// with four eyes on, submitted for review by submitter.
func submittedUnderFourEyes(t *testing.T, submitter string) (*env, *assess.Assessment) {
	t.Helper()
	e, a := payrollAnswered(t)
	e.db.FourEyes = true
	if _, err := e.db.Review(assess.WithActor(context.Background(), submitter), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	return e, a
}
