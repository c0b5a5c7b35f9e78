package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Who changed a plan item is read after others change it (readPlanWho),
// with no deadline: a server that never answered the read left the
// change unsaid, and one that failed it had the change said as made by
// nobody ("changed elsewhere"). The read has the write's deadline; given
// up, the line says which item and fields changed and that who changed
// them was not read, and why; the plan stays usable, and the next read
// that answers names the person again.
func TestAHungReadOfWhoChangedThePlanIsGivenUpAndSaid(t *testing.T) {
	e, a := payrollAnswered(t)
	other := e.otherWindow()
	d, repo := hungStampsDeps(e)
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	repo.goSilent()
	owner := "Red team"
	other.changePlanAs("Sam Ortiz", a.ID, "pentest", assess.PlanChange{Owner: &owner})
	f.waitFor("Red team", "plan item pentest (owner) changed; who changed it was not read: no answer from the database within 1.25s")
	if s := f.screen(); strings.Contains(s, "changed elsewhere") {
		t.Errorf("the change whose author was not read is put to nobody:\n%s", s)
	}
	repo.answer()
	repo.letGo()
	f.press("down") // the plan still moves, and the line, seen, goes
	f.waitGone("who changed it was not read")
	other.changePlanAs("Sam Ortiz", a.ID, "pentest", assess.PlanChange{Status: assess.ItemInProgress})
	f.waitFor("Sam Ortiz changed plan item pentest (status)")
	f.quit()
}

// The days others accepted the plan's risks on are read when they change
// the plan (readAcceptedStamps), with no deadline: a server that never
// answered left the plan judged on this computer's today, unsaid, and a
// read that failed did the same (the stamps read before were dropped).
// Given up within the write's deadline, the status line says the days
// were not read and the plan is judged without them; the next read that
// answers dates the plan as its report is, and the words go.
//
// Worked out by hand as in TestPlanScreenFollowsAnAcceptanceGivenAheadWhileOpen:
// with the analyst's today D-1 and mfa due then, pentest open and
// overdue: 2 items, 2 open, 1 overdue; pentest accepted on D (the
// stamps not read) closes it: 2 items, 1 open, none overdue on D-1; its
// day read, mfa is overdue on D: 2 items, 1 open, 1 overdue, as of D.
func TestAHungReadOfTheDaysRisksWereAcceptedIsGivenUpAndSaid(t *testing.T) {
	e, a, ctx, yesterday := payrollMFADueYesterday(t)
	other := e.otherWindow()
	d, repo := hungStampsDeps(e)
	d.Today = func() assess.Date { return yesterday }
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest", "mfa")
	f.waitFor("2 items · 2 open · 1 overdue", "today "+yesterday.String())

	repo.goSilent()
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: assess.NewDate(2099, 12, 31)}}
	other.changePlanAs("Sam Ortiz", a.ID, "pentest", accept)
	f.waitFor("the days #1 Payroll system's risks were accepted on were not read again: no answer from the database within 1.25s; its overdue items are judged without them",
		"2 items · 1 open")
	repo.answer()
	repo.letGo()
	stamps, err := e.db.PlanFieldStamps(ctx, a.ID, "pentest")
	if err != nil {
		t.Fatal(err)
	}
	day := assess.DateOf(stamps[assess.FieldStatus].At.Local())
	owner := "Board"
	other.changePlanAs("Sam Ortiz", a.ID, "mfa", assess.PlanChange{Owner: &owner})
	f.waitFor("2 items · 1 open · 1 overdue", "as of "+day.String()+", the report's date")
	f.waitGone("were not read again")
	f.quit()
}

// A conflict on a plan item followed to the other person's later change
// reads who made it (readPlanStamps), with no deadline: a server that
// never answered left the panel unsigned, unsaid. Given up, the panel
// says the field as it now is and that who changed it was not read, and
// K still keeps theirs.
func TestAHungReadOfWhoChangedAConflictedItemIsGivenUpAndSaid(t *testing.T) {
	var repo *hungStamps
	e, a, f, setOwner := planConflictIn(t, func(e *env) *flow {
		d, r := hungStampsDeps(e)
		repo = r
		return e.startWith(d)
	})
	repo.goSilent()
	setOwner("Kim Park", "Blue team")
	f.waitFor(`the owner of plan item pentest was changed again: it is now "Blue team"; who changed it was not read: no answer from the database within 1.25s`)
	f.press("K")
	f.waitGone("who changed it was not read")
	f.quit()
	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Blue team" {
		t.Errorf("owner after keeping theirs: %q, want Blue team", got.Owner)
	}
}
