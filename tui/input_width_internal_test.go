package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// An answer, note or evidence list longer than the line, opened to be
// changed, showed its start cut with "…" on its first frame, the cursor
// at its end out of sight, until a key was typed: the text input's width
// is set as it is drawn, after the text was put in, and bubbles works
// out the part drawn only when the text or cursor moves (fitInput). From
// the first frame the field's line fits and shows the text's end, where
// the cursor is, at each width.
func TestALongAnswerOpenedForEditingShowsItsEnd(t *testing.T) {
	long := strings.Repeat("Payroll for staff in twelve countries, run by the vendor's shared service centre; ", 3) + "audited yearly"
	for _, width := range []int{58, 78, 118} {
		for _, k := range []string{"enter", "n", "e"} {
			a := typeAheadPayroll(t)
			a.Answers["purpose"] = assess.Answer{QuestionID: "purpose", Value: assess.Value{Text: long}, Note: long,
				Evidence: []string{long}, Source: assess.ByAnalyst, Reviewed: true}
			sh := typeAheadShell(t, a)
			sh.width = width + 2
			s, _ := newInterviewAt(sh, questionIndex(t, a, "purpose"), nil)
			s, _ = s.Update(keyOf(k))
			view := ansi.Strip(s.View(width, 24))
			field := ""
			for i, l := range strings.Split(view, "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("%s at %d columns: line %d is %d columns: %q", k, width, i+1, w, l)
				}
				if strings.Contains(l, "> ") {
					field = l
				}
			}
			if !strings.Contains(field, "audited yearly") {
				t.Errorf("%s at %d columns: the field opened shows %q, not the text's end where the cursor is:\n%s", k, width, field, view)
			}
		}
	}
}

func questionIndex(t *testing.T, a *assess.Assessment, id string) int {
	t.Helper()
	for i, q := range a.Questionnaire.Questions {
		if q.ID == id {
			return i
		}
	}
	t.Fatalf("no question %s", id)
	return 0
}
