package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// ctrl+c in a plan form quits at once, as in the interview: the change
// was not saved (enter had not gone through the form), so nothing is
// stored, but the workspace names, as it leaves, each field changed and
// the plan item and assessment it was for, so that it can be given again.
func TestCtrlCInAPlanFormSaysWhatWasNotSaved(t *testing.T) {
	const where = "for plan item attestation of #1 Acme Cloud Ltd"
	for _, tc := range []struct {
		name  string
		open  string   // the key that opens the form
		moves []string // from its first field to the one typed in
		field string   // the field's title, as the form shows it
		typed string
		want  string
	}{
		{"owner", "enter", nil, "┃ Owner", "Sam Lee", `the owner being typed ` + where + `: "Sam Lee"`},
		{"reason", "enter", []string{"enter", "enter"}, "┃ Why the due date moved", "audit in May", `the reason the due date moved being typed ` + where + `: "audit in May"`},
		{"acceptance", "a", []string{"enter"}, "┃ Reason", "low exposure", `the acceptance reason being typed ` + where + `: "low exposure"`},
		{"milestone", "M", nil, "┃ Milestone", "pen test booked", `the milestone being typed ` + where + `: "pen test booked"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, a, _, f := twoItemPlan(t, false)
			f.press(tc.open)
			for _, k := range tc.moves {
				f.press(k)
			}
			f.waitFor(tc.field)
			f.typeText(tc.typed)
			f.waitFor(tc.typed)
			f.press("ctrl+c")
			lost := unsaved(t, f)
			if len(lost) != 1 || !strings.Contains(lost[0], tc.want) {
				t.Errorf("after ctrl+c in the plan form, the workspace says %q; want one line naming %s", lost, tc.want)
			}
			e.reopen()
			if got := e.load(a.ID); len(got.PlanEdits["attestation"].Milestones) != 0 || got.PlanEdits["attestation"].Owner != "" ||
				got.PlanEdits["attestation"].Acceptance != nil || got.PlanEdits["attestation"].DueReason != "" {
				t.Errorf("ctrl+c stored %+v; the form was not submitted", got.PlanEdits["attestation"])
			}
		})
	}

	// Two fields changed: each is named.
	t.Run("two fields", func(t *testing.T) {
		_, _, _, f := twoItemPlan(t, false)
		f.press("enter")
		f.waitFor("┃ Owner")
		f.typeText("Sam Lee")
		f.waitFor("> Sam Lee")
		for range 4 { // due date, reason, status, action
			f.press("enter")
		}
		f.waitFor("┃ Action")
		f.typeText(" by June")
		f.waitFor("by June")
		f.press("ctrl+c")
		m := f.tm.FinalModel(t, teatest.WithFinalTimeout(screenWait)).(screenSpy).Model.(tui.Model)
		lost := strings.Join(m.Unsaved(), "\n")
		// The action, hundreds of characters with the measure it
		// started from, is named by its length, and kept whole for
		// cmd/assay to put in a file (LongUntyped).
		if !strings.Contains(lost, `the owner being typed `+where+`: "Sam Lee"`) || !strings.Contains(lost, "the action being typed "+where+" (") ||
			strings.Contains(lost, "by June") {
			t.Errorf("after ctrl+c with the owner and the action changed, the workspace says %q; want both named, the long action by its length", lost)
		}
		if kept := m.LongUntyped(); len(kept) != 1 || !strings.HasSuffix(kept[0].Text, " by June") {
			t.Errorf("the action typed is not kept whole: %+v", kept)
		}
	})

	// A form opened and left as it was: nothing to say.
	t.Run("unchanged", func(t *testing.T) {
		_, _, _, f := twoItemPlan(t, false)
		f.press("a")
		f.waitFor("┃ Approver")
		f.press("ctrl+c")
		if lost := unsaved(t, f); len(lost) != 0 {
			t.Errorf("ctrl+c on a form left as it opened says %q; want nothing", lost)
		}
	})
}

// ctrl+c in the new-assessment form names the subject typed: the
// assessment was not created.
func TestCtrlCInTheNewAssessmentFormSaysTheSubject(t *testing.T) {
	e := newEnv(t)
	f := e.start()
	f.waitFor("No assessments yet")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.pickQuestionnaire("Vendor security screen")
	f.typeText("Acme Cloud Ltd")
	f.waitFor("> Acme Cloud Ltd")
	f.press("ctrl+c")
	lost := unsaved(t, f)
	want := `the subject being typed for a new Vendor security screen: "Acme Cloud Ltd"`
	if len(lost) != 1 || !strings.Contains(lost[0], want) {
		t.Errorf("after ctrl+c in the new-assessment form, the workspace says %q; want one line naming %s", lost, want)
	}
	e.reopen()
	if a, err := e.db.Assessment(t.Context(), 1); err == nil {
		t.Errorf("ctrl+c created %q; the form was not submitted", a.Subject)
	}
}

// ctrl+c in the sign-off form with a comment typed: nothing is signed, and
// the comment is named as the workspace leaves, as a plan form's fields
// are; it was dropped without a word.
func TestCtrlCInTheSignOffFormSaysTheComment(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft · S submits it for review")
	f.press("S")
	f.waitFor("Submit for review")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.typeText("Ready for the committee")
	f.waitFor("Ready for the committee")
	f.press("ctrl+c")
	lost := unsaved(t, f)
	want := `the comment being typed for the sign-off of #1 Payroll system: "Ready for the committee": quit before it was signed`
	if len(lost) != 1 || !strings.Contains(lost[0], want) {
		t.Errorf("after ctrl+c in the sign-off form, the workspace says %q; want %s", lost, want)
	}
	e.reopen()
	if got := e.load(a.ID); got.Status != assess.Draft || len(got.SignOffs) != 0 {
		t.Errorf("ctrl+c signed: status %s, %d signatures", got.Status, len(got.SignOffs))
	}
}
