package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// verify holds rows' times to their records: ordinary work must never
// trip it. Each step below is something people do, on a clock that ticks
// a second at each reading and sometimes goes back (NTP, a laptop's clock
// set right, a VM restored), and the portfolio verifies after every one.
func TestOrdinaryWorkVerifiesWhateverTheClockDoes(t *testing.T) {
	contract(t, contractOrdinaryWorkVerifies)
}

func contractOrdinaryWorkVerifies(t *testing.T) {
	db, q := testDB(t)
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	ana := as("Ana Analyst")
	check := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		res, err := db.Verify(as("Auditor"), 0)
		if err != nil || res.Broken != nil {
			t.Fatalf("after %s, verify: %v %v", step, res.Broken, err)
		}
		inc, err := db.VerifyWith(as("Auditor"), VerifyOptions{Incremental: true})
		if err != nil || inc.Broken != nil {
			t.Fatalf("after %s, incremental verify: %v %v", step, inc.Broken, err)
		}
	}
	rev := ordinaryWork(t, db, q, &clock, check)
	if onPostgres(t) {
		return // the export and import below are the file's: signed with testKey, which the importer trusts
	}
	// Exported once the clock is set right again, after every record the
	// wandering clock wrote: an export dated before records it carries is
	// refused by import (TestImportRefusesAnExportDatedInTheFuture).
	clock = clock.Add(12 * time.Hour)
	f, err := db.Export(ana, rev.ID)
	check("exported", err)
	other := tamperOpen(t, tempPath(t))
	other.Now = db.Now
	imported, err := other.Import(ana, f)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	verifyOther := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if res, err := other.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
			t.Fatalf("after %s, verify of the importing database: %v %v", step, res.Broken, err)
		}
	}
	verifyOther("imported", nil)
	clock = clock.Add(-4 * time.Hour)
	r2, err := other.Revise(ana, imported.ID)
	verifyOther("the import revised, the clock back", err)
	verifyOther("the import's revision answered", other.SaveAnswer(ana, r2.ID, choice("mfa", "no")))
	verifyOther("the import's revision archived", other.SetArchived(ana, r2.ID, true))
}

// ordinaryWork does to db what people do, calling check after each step;
// clock is db's, which the steps move back and on.
func ordinaryWork(t *testing.T, db *DB, q *assess.Questionnaire, clock *time.Time, check func(step string, err error)) (rev *assess.Assessment) {
	t.Helper()
	ana, rui := as("Ana Analyst"), as("Rui Reviewer")
	back := func(d time.Duration) { *clock = clock.Add(-d) }
	fwd := func(d time.Duration) { *clock = clock.Add(d) }
	check("a subject created", db.CreateSubject(ana, &assess.Subject{Name: "Acme Cloud Ltd", Kind: "vendor"}))
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
	check("an assessment created", db.CreateAssessment(ana, a))
	back(2 * time.Hour)
	check("answers saved with the clock two hours back", db.SaveAnswers(ana, a.ID, completeAnswers()[:4]))
	check("the same answers saved again", db.SaveAnswers(ana, a.ID, completeAnswers()[:4]))
	name := "Acme Cloud Limited"
	_, err := db.EditSubject(ana, 1, assess.SubjectChange{Name: &name})
	check("the subject renamed", err)
	back(time.Hour)
	check("an answer after the rename, the clock back again", db.SaveAnswers(ana, a.ID, completeAnswers()[4:]))
	owner := "IT procurement"
	_, err = db.EditSubject(ana, 1, assess.SubjectChange{Owner: &owner})
	check("the subject's owner set", err)
	back(30 * time.Second)
	_, err = db.EditSubject(ana, 1, assess.SubjectChange{Name: &name})
	check("the subject given its own name again", err)
	check("archived", db.SetArchived(ana, a.ID, true))
	back(10 * time.Minute)
	check("unarchived, the clock back", db.SetArchived(ana, a.ID, false))
	check("a plan edit", editPlan(ana, db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}))
	check("sent to the vendor", db.RecordSending(ana, a.ID, *clock))
	back(time.Minute)
	check("an answer after sending, the clock back", db.SaveAnswer(ana, a.ID, choice("encryption", "no")))
	_, err = db.Review(ana, a.ID, assess.ActSubmit, day("2026-03-10"), "Ready")
	check("submitted", err)
	back(5 * time.Minute)
	_, err = db.Review(rui, a.ID, assess.ActApprove, day("2026-03-10"), "Agreed")
	check("approved, the clock back", err)
	fwd(time.Hour)
	_, err = db.RescoreOlder(ana, nil)
	check("rescored", err)
	rev, err = db.Revise(rui, a.ID)
	check("revised", err)
	back(3 * time.Hour)
	check("the revision's plan edited", editPlan(rui, db, rev.ID, assess.PlanEdit{Key: "mfa", Owner: "Security"}))
	check("the revision answered, the clock back", db.SaveAnswer(rui, rev.ID, choice("mfa", "yes")))
	_, err = db.EditSubject(ana, 1, assess.SubjectChange{Name: &[]string{"Acme Cloud"}[0]})
	check("the subject renamed with a revision open", err)
	_, err = db.Review(rui, rev.ID, assess.ActSubmit, day("2026-03-10"), "Ready")
	check("the revision submitted", err)
	_, err = db.Review(as("Ana Analyst"), rev.ID, assess.ActApprove, day("2026-03-10"), "Agreed")
	check("the revision approved", err)

	return rev
}

// The same work done in a file, on the same wandering clock, then moved
// to a team database (assay migrate --to), verifies there.
func TestOrdinaryWorkMovedToATeamVerifies(t *testing.T) {
	requirePostgres(t)
	_, q := testDB(t)
	file := openFileWithTestKey(t)
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	file.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	ordinaryWork(t, file, q, &clock, func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	})
	if res, err := file.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
		t.Fatalf("the file does not verify: %v %v", res.Broken, err)
	}
	// As the schema's owner, as assay migrate --to runs.
	team := openTeamWithTestKey(t, teamSchema(t))
	if _, err := CopyPortfolio(as(team.Login()), file, team); err != nil {
		t.Fatalf("the move: %v", err)
	}
	if res, err := team.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
		t.Fatalf("moved to the team database, it does not verify: %v %v", res.Broken, err)
	}
}
