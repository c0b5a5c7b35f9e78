package tui_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// S on the review walks an assessment through its lifecycle as a reviewer
// would: submit, a rejection refused without a reason, a DPO opinion,
// approval (which locks it), and a revision that opens as a new draft.
func TestSignOffInTheWorkspace(t *testing.T) {
	e, a := payrollAnswered(t)

	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft · S submits it for review")
	f.press("S")
	f.waitFor("Sign off", "Assessment #1, state: draft. You sign as Dana Reyes on 2026-03-31", "Submit for review", "DPO opinion: unfavourable")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.typeText("Ready for the committee")
	f.waitFor("Ready for the committee")
	f.press("enter")
	f.waitFor("#1 is in review: submitted by Dana Reyes on 2026-03-31", "State: in review, submitted by Dana Reyes on 2026-03-31")

	// A rejection must say why; esc leaves without signing.
	f.press("S")
	f.waitFor("Approve: it is then locked", "Reject: send it back")
	f.press("down", "enter")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("say why: this decision needs a comment")
	f.press("esc")
	f.waitFor("State: in review, submitted by Dana Reyes")

	// The DPO's opinion with reservations, then approval.
	f.press("S")
	f.waitFor("DPO opinion: favourable with reservations")
	f.press("down", "down", "down", "down", "enter")
	f.waitFor("┃ Comment")
	f.typeText("Shorten retention to two years")
	f.waitFor("Shorten retention to two years")
	f.press("enter")
	f.waitFor("DPO opinion on #1: favourable-with-reservations, by Dana Reyes on 2026-03-31")
	f.press("S")
	f.waitFor("Approve: it is then locked")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.typeText("Plan agreed")
	f.waitFor("Plan agreed")
	f.press("enter")
	f.waitFor("#1 is approved: approved by Dana Reyes on 2026-03-31; it is locked", "State: approved by Dana Reyes on 2026-03-31 · locked; S starts a revision")

	// Approved means locked: an answer is refused with the way forward,
	// and the only decision left is a revision.
	f.press("shift+tab")
	f.waitFor("[Interview]")
	f.press("1")
	f.waitFor("not saved: #1 is approved and locked; S on the review starts a revision")
	f.press("tab")
	f.waitFor("[Review]", "State: approved")
	f.press("S")
	f.waitFor("Start a revision: a new draft with these answers and plan")
	if s := f.screen(); strings.Contains(s, "DPO opinion") || strings.Contains(s, "Approve") {
		t.Errorf("an approved assessment offers more than a revision:\n%s", s)
	}
	f.press("enter")
	f.waitFor("Revision 2 started as assessment #2: a draft, linked to #1", "[Interview]")
	f.quit()

	e.reopen()
	approved := e.load(a.ID)
	var got []string
	for _, s := range approved.SignOffs {
		got = append(got, s.Role+" "+s.Decision+" "+s.Name+" "+s.On.String()+" "+s.Comment)
	}
	want := []string{
		"author submitted Dana Reyes 2026-03-31 Ready for the committee",
		"dpo favourable-with-reservations Dana Reyes 2026-03-31 Shorten retention to two years",
		"reviewer approved Dana Reyes 2026-03-31 Plan agreed",
	}
	if approved.Status != assess.Approved || !slices.Equal(got, want) {
		t.Errorf("assessment 1 is %s with sign-offs\n%q\nwant approved with\n%q", approved.Status, got, want)
	}
	rev := e.load(2)
	if rev.Status != assess.Draft || rev.Revision != 2 || rev.RevisionOf != a.ID || len(rev.Answers) != len(approved.Answers) {
		t.Errorf("revision: status %s, revision %d of %d, %d answers (want draft, 2 of %d, %d)",
			rev.Status, rev.Revision, rev.RevisionOf, len(rev.Answers), a.ID, len(approved.Answers))
	}
	if res, err := e.db.Verify(context.Background(), 0); err != nil || res.Broken != nil {
		t.Errorf("audit trail after signing in the workspace: %v %+v", err, res.Broken)
	}
}

// Review does not stop the analysts: the review's state line tells the
// approver, before signing, how many answers changed since the submission.
func TestReviewSaysWhatChangedSinceSubmission(t *testing.T) {
	e, a := payrollAnswered(t)
	ctx := assess.WithActor(context.Background(), "Dana Reyes")
	if _, err := e.db.Review(ctx, a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review, submitted by Dana Reyes on 2026-03-31 · S approves or rejects")
	f.press("shift+tab")
	f.waitFor("[Interview]", "8/8 · in review · ")
	f.quit()
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}}); err != nil {
		t.Fatal(err)
	}
	f = e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review, submitted by Dana Reyes on 2026-03-31 · 1 answer changed since", "· S approves or rejects")
	// A change made in this workspace counts at once.
	f.press("shift+tab")
	f.waitFor("[Interview]", "multi-factor")
	f.press("2")
	f.waitFor("Where is the service hosted?", "saved ✓")
	f.press("2")
	f.waitFor("standard contractual clauses", "saved ✓")
	f.press("tab")
	f.waitFor("[Review]", "· 2 answers changed")
	// So does a plan item's owner set here.
	f.press("tab")
	f.waitFor("[Plan]")
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Sam Lee")
	for range 5 {
		f.press("enter")
	}
	f.waitFor("Sam Lee", "saved ✓")
	f.press("shift+tab")
	f.waitFor("[Review]", "· 2 answers and 1 plan")
	// The sign-off form names them before anyone signs.
	f.press("S")
	f.waitFor("Changed since the submission, and signed as", "changed: 2 answers (mfa, hosting) and 1 plan item (mfa).")
	f.press("esc")
	f.quit()
}

// A refusal from the store (here: four eyes, the submitter approving) is
// shown whole, and any key goes back to the review with nothing signed.
func TestSignOffRefusalIsShownWhole(t *testing.T) {
	e, a := submittedUnderFourEyes(t, "Dana Reyes")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review, submitted by Dana Reyes")
	f.press("S")
	f.waitFor("Approve: it is then locked")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("Not signed: cannot approve assessment 1: Dana Reyes submitted it for review on",
		"2026-03-31, and with four_eyes set someone else must approve it", "Any key goes back to the review.")
	f.press("x")
	f.waitFor("State: in review, submitted by Dana Reyes")
	f.quit()
	if got := e.load(a.ID); got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("after the refusal: %s with %d signatures", got.Status, len(got.SignOffs))
	}
}

// Answers the vendor gave and nobody confirmed: the sign-off form asks the
// reviewer whether to accept them as the vendor gave them. Declined, the
// store refuses the submit, as it refuses assay review; accepted, the
// assessment is submitted and the trail records the acceptance with the
// count.
func TestSignOffAsksToAcceptUnconfirmedVendorAnswers(t *testing.T) {
	e, a := payrollAnswered(t)
	var vendor []assess.Answer
	for _, ans := range allTypesAnswers()[:2] {
		ans.Source = assess.ByVendor
		vendor = append(vendor, ans)
	}
	if err := e.db.SaveAnswers(assess.WithActor(context.Background(), "Vendor file"), a.ID, vendor); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft")
	f.press("S")
	f.waitFor("Submit for review")
	f.press("enter")
	f.waitFor("2 of the vendor's answers are unconfirmed", "Accept them as given")
	f.press("n")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("Not signed: cannot submit assessment 1: 2 of its answers are the vendor's and", "nobody has confirmed them (mfa, hosting)")
	f.press("x")
	f.waitFor("State: draft")

	f.press("S")
	f.waitFor("Submit for review")
	f.press("enter")
	f.waitFor("2 of the vendor's answers are unconfirmed")
	f.press("y")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("#1 is in review: submitted by Dana Reyes")
	f.quit()

	evs, err := e.db.Events(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var accepts []string
	for _, ev := range evs {
		if ev.Kind == "accept" {
			accepts = append(accepts, ev.Actor+" "+ev.New)
		}
	}
	if want := []string{`Dana Reyes {"action":"submit","count":2,"questions":["mfa","hosting"]}`}; !slices.Equal(accepts, want) {
		t.Errorf("acceptances in the trail: %q, want %q", accepts, want)
	}
}

// An approved assessment's plan cannot change: its edit keys say so at
// once instead of opening a form that is refused once filled in.
func TestLockedPlanSaysSoBeforeAForm(t *testing.T) {
	e := payrollApproved(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	for _, k := range []string{"enter", "a", "M"} {
		f.press(k)
		f.waitFor("#1 is approved and locked; S on the review starts a revision")
		if s := f.screen(); strings.Contains(s, "┃") {
			t.Fatalf("%s opened a form on a locked plan:\n%s", k, s)
		}
	}
	f.quit()
}

// In the interview of an approved assessment no field opens for typing:
// n, e and a typed answer say it is locked at once, and a free-text
// question does not open its field by itself.
func TestLockedInterviewOpensNoField(t *testing.T) {
	e := payrollApproved(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]", "multi-factor")
	for _, k := range []string{"n", "e"} {
		f.press(k)
		f.waitFor("#1 is approved and locked; S on the review starts a revision")
		if s := f.screen(); strings.Contains(s, "enter saves") {
			t.Fatalf("%s opened a field on a locked interview:\n%s", k, s)
		}
	}
	f.quit()
}

// payrollApproved is payrollAnswered submitted by Ana and approved by Rui.
func payrollApproved(t *testing.T) *env {
	t.Helper()
	e, a := payrollAnswered(t)
	for _, step := range []struct {
		who string
		act assess.Action
	}{{"Ana", assess.ActSubmit}, {"Rui", assess.ActApprove}} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), step.who), a.ID, step.act, testToday, ""); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// A DPO opinion recorded while the question that asks for it says no: the
// review says so under the state, for the analyst to answer and the
// approver to see; answered yes, it says nothing.
func TestReviewSaysTheDPOOpinionQuestionDisagrees(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("../../questionnaires/builtin/dpia.yaml", "Payroll system")
	ctx := context.Background()
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{{QuestionID: "dpo-opinion", Value: assess.Value{Choices: []string{"no"}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.RecordDPOOpinion(assess.WithActor(ctx, "Lea Lund"), a.ID, testToday, assess.DPOFavourable, ""); err != nil {
		t.Fatal(err)
	}
	f := e.watching()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft", "The DPO's opinion is recorded, but dpo-opinion, which asks whether the DPO has",
		`given an opinion, says "No": answer it now that the opinion is given.`)
	// Answered yes by a colleague (the review follows the database), the
	// line goes.
	e.otherWindow().answer(a.ID, "dpo-opinion", "yes", "")
	f.waitGone("The DPO's opinion is recorded")
	f.waitFor("State: draft", "Answered 1 of")
	f.quit()
}
