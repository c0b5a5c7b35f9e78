package tui_test

import (
	"context"
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// unreached is the store's failure of a write that never reached the
// team database (assess.EUnavailable): nothing was recorded.
func unreached() error {
	e := assess.Errorf(assess.EUnavailable, "cannot reach the team database postgres://ana@db.example.org/privacy: it did not answer in time; nothing was recorded")
	e.Brief = "cannot reach ana@db.example.org/privacy"
	return e
}

// attestationNotReached opens Acme's vendor screen, its first question
// answered, in a workspace whose writes fail as a server that cannot be
// reached fails them, and answers attestation there: the answer is on
// the screen, said not saved. other is a second window on the database,
// changes the watcher's feed.
func attestationNotReached(t *testing.T) (*env, *assess.Assessment, *otherWindow, *faultyRepo, feed, *flow) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	sensitivity := assess.Answer{QuestionID: "data-sensitivity", Value: assess.Value{Choices: []string{"personal"}}}
	if err := e.db.SaveAnswer(context.Background(), a.ID, sensitivity); err != nil {
		t.Fatal(err)
	}
	other := e.otherWindow()
	repo, changes, f := e.startFaulty(nil)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")

	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: cannot reach ana@db.example.org/privacy")
	return e, a, other, repo, changes, f
}

// On a vendor call the server went away (a network gone silent) and the
// answers given meanwhile were reported not saved. When the workspace
// next read the assessment (a colleague's answer arriving, or the server
// back) they vanished from the screen, replaced by what the store held,
// and they were never written: the analyst had to remember each one and
// give it again, and a question whose answer vanished looked unanswered.
// Now an answer not saved for want of the server stays on the screen
// through such a read, and once the watcher hears the server again the
// workspace writes each of them again, in order, and says they are saved.
func TestAnswersTheServerNeverGotAreKeptAndSavedWhenItIsBack(t *testing.T) {
	e, a, other, repo, changes, f := attestationNotReached(t)
	f.press("1")
	f.waitFor("question 4 of 33", "not saved: the answer to policy: cannot reach ana@db.example.org/privacy (and 1 more)")
	f.waitFor("3/33")

	// A colleague's answer arrives: the two not saved stay on the screen.
	other.answer(a.ID, "confidentiality", "no", "")
	changes <- assess.Change{Seq: 5, Entries: 1}
	f.waitFor("Sam Ortiz changed confidentiality")
	f.waitFor("4/33", "not saved: the answer to policy")

	f.serverLost(changes)
	repo.mode.Store(writeNormally)
	f.serverBack(changes, assess.Change{Seq: 6})
	f.waitFor("saved ✓", "4/33")
	f.waitGone("not saved")
	quitNothingUnsaved(t, f, changes)
	e.reopen()
	got := e.load(a.ID).Answers
	for _, q := range []string{"attestation", "policy"} {
		if c := got[q].Value.Choices; !slices.Equal(c, []string{"yes"}) {
			t.Errorf("%s stored as %v, want [yes]", q, c)
		}
	}
}

// An answer made again once the server is back is made over the answer
// it was first made over: a colleague who answered the same question
// while the server was away for this window is met as a conflict, their
// answer kept in the store until the analyst chooses, not replaced
// unawares by the write made again, also when the read of the assessment
// meant to come before it fails. The workspace names the conflict's
// question from the question after it, where the analyst is, and c shows
// it there.
func TestAnAnswerMadeAgainMeetsAColleaguesAnswerAsAConflict(t *testing.T) {
	for _, back := range theReturns {
		t.Run(back.name, func(t *testing.T) {
			e, a, other, repo, changes, f := attestationNotReached(t)
			f.serverLost(changes)
			other.answer(a.ID, "attestation", "no", "report lapsed")
			repo.mode.Store(writeNormally)
			repo.failNextReads.Store(back.failedReads)
			f.serverBack(changes, assess.Change{Seq: 6, Entries: 1})
			// The workspace stays on the question after it, and names the
			// conflict's question (attestation, question 2) once the
			// answer made again meets it; c goes there.
			f.waitFor("question 3 of 33", "Sam Ortiz changed the answer to question 2 (attestation) before yours was saved: c goes to it")
			f.press("c")
			f.waitFor("question 2 of 33", "Sam Ortiz changed this answer at", `Theirs: No (note "report lapsed")`, "O overwrite")
			f.quit()
			close(changes)
			e.reopen()
			if c := e.load(a.ID).Answers["attestation"].Value.Choices; !slices.Equal(c, []string{"no"}) {
				t.Errorf("attestation stored as %v, want Sam's [no], kept until the analyst chooses", c)
			}
		})
	}
}

// While the watcher says the server cannot be reached, each answer given
// waited out a write of its own (the connect timeout, or the save's whole
// deadline on a network gone silent) before it was reported not saved:
// three answers on a call took the best part of a minute to be said. Now
// an answer given while the server is known to be away is not sent: it
// is said at once as not sent, kept, and written once the server answers.
func TestAnAnswerGivenWhileTheServerIsAwayIsHeldForItsReturn(t *testing.T) {
	e, a, repo, changes, f := acmeOnAFaultyRepo(t)
	f.serverLost(changes)
	repo.mode.Store(writeHangs) // a write sent now would hang past the test's patience
	f.press("1")
	f.waitFor("question 2 of 33", "not saved: the answer to data-sensitivity: not sent: the team database cannot be reached; it is sent once the server answers")
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: not sent", "(and 1 more)", "2/33")
	repo.mode.Store(writeNormally)
	f.serverBack(changes, assess.Change{Seq: 3})
	f.waitFor("saved ✓", "2/33")
	f.waitGone("not saved")
	f.quit()
	close(changes)
	e.reopen()
	if n := len(e.load(a.ID).Answers); n != 2 {
		t.Errorf("%d answers stored, want the 2 given while the server was away", n)
	}
}

// A write whose answer was lost on the way back (the server recorded it,
// then the connection went) is not written a second time once the server
// is back: the read of the assessment finds it stored as given, and its
// failure is forgotten, leaving one audit record of it, not two. When
// that read fails, the write made again first asks what the server holds.
func TestAnAnswerTheServerRecordedAfterAllIsNotWrittenTwice(t *testing.T) {
	for _, back := range theReturns {
		t.Run(back.name, func(t *testing.T) {
			e, a, repo, changes, f := acmeOnAFaultyRepo(t)
			repo.failWith.Store(unreached())
			repo.mode.Store(writeThenFailWith)
			f.press("1")
			f.waitFor("question 2 of 33", "not saved: the answer to data-sensitivity: cannot reach")
			f.serverLost(changes)
			repo.mode.Store(writeNormally)
			repo.failNextReads.Store(back.failedReads)
			f.serverBack(changes, assess.Change{Seq: 3})
			f.waitGone("not saved")
			quitNothingUnsaved(t, f, changes)
			if n := auditRecords(t, e.db, a.ID, "answer", "data-sensitivity"); n != 1 {
				t.Errorf("%d audit records of the answer to data-sensitivity, want 1", n)
			}
		})
	}
}
