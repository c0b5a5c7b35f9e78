package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// signWaits is a store whose sign-off waits for the test to let it go.
type signWaits struct {
	tui.Governance
	*silentGate
}

func (g *signWaits) Review(ctx context.Context, id int64, action assess.Action, on assess.Date, comment string, opts ...assess.ReviewOption) (*assess.Assessment, error) {
	g.hold("the sign-off")
	return g.Governance.Review(ctx, id, action, on, comment, opts...)
}

// ctrl+c while the store is recording a sign-off waits for it, as it
// waits for an assessment being created, and says as assay leaves that
// it was recorded. It left at once without a word, while the signature
// was on its way: the analyst, who had pressed enter to sign, could not
// tell whether the assessment had been submitted.
func TestCtrlCWhileSigningSaysWhetherItWasSigned(t *testing.T) {
	e, _ := payrollAnswered(t)
	gov := &signWaits{Governance: e.db, silentGate: newSilentGate(t)}
	d := e.deps()
	d.Governance = gov
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft · S submits it for review")
	f.press("S")
	f.waitFor("Sign off", "Submit for review")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.typeText("Ready for the committee")
	f.waitFor("Ready for the committee")
	f.press("enter")
	gov.heldNow(t, "the sign-off")
	f.press("ctrl+c")
	f.waitFor("finishing saves (1 to write)")
	gov.letGo()
	m := finalModel(t, f)
	if lost := m.Unsaved(); len(lost) != 0 {
		t.Errorf("signed, yet the workspace says %q not saved", lost)
	}
	if said := strings.Join(m.Saved(), "\n"); !strings.Contains(said, "#1 is in review: submitted by Dana Reyes on 2026-03-31") {
		t.Errorf("after ctrl+c while signing, the workspace says %q; want the submission said", said)
	}
	e.reopen()
	if a := e.load(1); a.Status != assess.InReview {
		t.Errorf("the assessment is %s", a.Status.Words())
	}
}
