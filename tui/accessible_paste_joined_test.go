package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// At a prompt for free text a paste of several lines was refused, and
// then joined into one line with spaces: a pasted list ("Vendor delayed
// the test", "Booked for June") ran together, without a pause where a
// line ended, in the plan read out and in the report. A field the
// full-screen workspace takes in lines (a plan item's action, a sign-off
// comment) keeps the paste's line breaks, as an answer's note does: the
// plan reads it "in 2 lines", each on its own, and the report shows each
// line. A field it takes on one line (a reason the due date moved or a
// risk is accepted, a risk's name, why two answers stand) joins the
// lines, blank ones left out, with a semicolon where a line ended
// without a punctuation mark of its own, and reads the line it made out;
// its escape sequences are removed as typed text's are.
func TestAccessiblePasteAtAOneLineTextPromptIsJoined(t *testing.T) {
	e, a := payrollAnswered(t)
	text := e.accessibleOnTerminal(lines(
		"1", "2", "1", // the assessment, its plan, item 1
		"4", pasted("Enrol the admins.\r\n\r\nThen the \x1b[31mstaff\x1b[0m."),
		"5", "", pasted("Vendor delayed the test\r\n\r\nBooked for June.\r\nThen \x1b[31mretest\x1b[0m"), "2026-09-30",
		"b", "b", "q",
	))
	if want := "Pasted 4 lines, joined into one: Vendor delayed the test; Booked for June. Then retest\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Count(text, "joined into one") != 1 || strings.Contains(text, "Nothing of it was used") {
		t.Errorf("the action's paste was joined or refused:\n%s", text)
	}
	if strings.ContainsRune(text, '\x1b') {
		t.Errorf("an escape sequence was read out:\n%q", text)
	}
	var item assess.PlanItem
	for _, it := range assess.Evaluate(e.load(a.ID), testToday).Plan {
		if it.Key() == "pentest" {
			item = it
		}
	}
	if item.Action != "Enrol the admins.\n\nThen the staff." {
		t.Errorf("pentest's action stored as %q, want the paste with its line breaks", item.Action)
	}
	if item.Acceptance == nil || item.Acceptance.Reason != "Vendor delayed the test; Booked for June. Then retest" {
		t.Errorf("pentest's acceptance is %+v, want the reason joined into one line", item.Acceptance)
	}

	e, a = payrollAnswered(t)
	e.accessibleOnTerminal(lines("1", "3", "1", pasted("Reviewed with the DPO.\r\nNo open points"), "q")) // sign off: submit, with a comment
	if signed := e.load(a.ID).SignOffs; len(signed) != 1 || signed[0].Comment != "Reviewed with the DPO.\nNo open points" {
		t.Errorf("signatures %+v, want one with the comment's line breaks kept", signed)
	}
}
