package tui_test

import (
	"strings"
	"testing"
)

// The comment is typed on a page of its own, which said nothing of what
// was being signed: the signer saw neither the assessment nor the
// decision chosen on the page before. It names both, and who signs.
func TestSignOffCommentPageSaysWhatIsSigned(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft")
	f.press("S")
	f.waitFor("Submit for review", "DPO opinion: unfavourable")
	f.press("down", "down", "down")
	f.press("enter")
	f.waitFor("┃ Comment")
	body := strings.SplitN(f.screen(), "\n", 2)[1]  // below the header, which names the assessment too
	flat := strings.Join(strings.Fields(body), " ") // as read, whatever the lines wrap at
	for _, want := range []string{"Assessment #1, state: draft", "DPO opinion: unfavourable", "You sign as Dana Reyes on 2026-03-31"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the comment page does not say %q:\n%s", want, body)
		}
	}
	f.press("esc")
	f.waitFor("State: draft")
	f.quit()
}
