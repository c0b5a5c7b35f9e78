package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// A chain of kept plan changes partly recorded: the first (in progress)
// reached the server, which recorded it, and its reply was lost on the
// way back; the second (done), given while the server was away, never
// left the window. Once the server is back, the chain is resent: the
// change the store already holds must not be written, nor recorded in
// the trail, a second time. Worked out by hand: one record for in
// progress, one for done, and the item stored done, whether or not the
// read meant to come first answers.
func TestAChainOfKeptChangesPartlyRecordedIsNotRecordedTwice(t *testing.T) {
	for _, back := range theReturns {
		t.Run(back.name, func(t *testing.T) {
			e, a, _, repo, changes, f := attestationOnThePlan(t, nil)
			resendAChainPartlyRecorded(t, e.db, a.ID, repo, changes, f, back.failedReads)
			if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemDone {
				t.Errorf("attestation's item stored as %q, want done", st)
			}
		})
	}
}

// The same chain on the team database (PostgreSQL): the store's own
// records, under the analyst's login, counted.
func TestTeamChainOfKeptChangesPartlyRecordedIsNotRecordedTwice(t *testing.T) {
	for _, back := range theReturns {
		t.Run(back.name, func(t *testing.T) {
			te := newTeamEnv(t)
			dana := te.person("dana", "analyst")
			q, _ := te.lib.Get("vendor-security-screen")
			a := &assess.Assessment{Questionnaire: q, Subject: "Acme Cloud Ltd", AssessedOn: testToday}
			ctx := context.Background()
			if err := dana.db.CreateAssessment(ctx, a); err != nil {
				t.Fatal(err)
			}
			for _, ans := range []assess.Answer{
				{QuestionID: "data-sensitivity", Value: assess.Value{Choices: []string{"personal"}}},
				{QuestionID: "attestation", Value: assess.Value{Choices: []string{"no"}}},
			} {
				if err := dana.db.SaveAnswer(ctx, a.ID, ans); err != nil {
					t.Fatal(err)
				}
			}
			repo := newFaultyRepo(t, dana.db)
			changes := make(feed)
			d := te.deps(dana)
			d.Repo, d.Changes = repo, changes
			e := &env{t: t, lib: te.lib, dir: t.TempDir()}
			f := e.startWith(d)
			f.toAcmeAttestation()
			resendAChainPartlyRecorded(t, dana.db, a.ID, repo, changes, f, back.failedReads)
			got, err := dana.db.Assessment(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if st := got.PlanEdits["attestation"].Status; st != assess.ItemDone {
				t.Errorf("attestation's item stored as %q, want done", st)
			}
		})
	}
}

// resendAChainPartlyRecorded plays the chain on attestation's plan item,
// the plan open on it: in progress written with its reply lost, done
// kept while the server is away, then the server back, its first
// failedReads reads failing; and counts the item's audit records since
// the chain began: two (in progress, done), none twice.
func resendAChainPartlyRecorded(t *testing.T, db *store.DB, id int64, repo *faultyRepo, changes feed, f *flow, failedReads int32) {
	t.Helper()
	before := auditRecords(t, db, id, "plan", "attestation")
	inProgressNotReached(repo, changes, f, writeThenFailWith)
	f.press("s")
	f.waitFor("high     done", "not saved: a change to plan item attestation")
	repo.failNextReads.Store(failedReads)
	f.serverBack(changes, assess.Change{Seq: 3})
	f.waitGone("not saved")
	f.waitFor("high     done")
	quitNothingUnsaved(t, f, changes)
	if n := auditRecords(t, db, id, "plan", "attestation") - before; n != 2 {
		t.Errorf("%d audit records of attestation's item since the chain began, want 2 (in progress, done)", n)
	}
}
