package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// In accessible mode an answer is saved while the person waits, so one
// the server never got is refused there and then, and asked again. One
// whose connection was lost as it was committed may be recorded or not:
// it is said so, not as "not saved", found out at once when the server
// answers, and named again as accessible mode leaves while it cannot be
// told.

// lostAtCommit is the store's failure of a write whose connection was
// lost once its commit was sent (store.lostAtCommit): whether the server
// recorded it cannot be told.
type lostAtCommit struct{ said *assess.Error }

func (e lostAtCommit) Error() string      { return e.said.Error() }
func (e lostAtCommit) Unwrap() error      { return e.said }
func (lostAtCommit) OutcomeUnknown() bool { return true }

func lostAtCommitError() error {
	e := assess.Errorf(assess.EUnavailable, "the connection to the team database postgres://ana@db.example.org/privacy was lost as this change was being committed (the server stopped, or the network to it failed), so assay cannot tell whether the server recorded it. Once the server is back, assay history 1 shows whether it is there, as the assessment does when the workspace reads it again")
	e.Brief = "connection to ana@db.example.org/privacy lost at the commit: the change may be recorded"
	return lostAtCommit{e}
}

// accessibleOnAFaultyRepo runs accessible mode over Acme's new vendor
// screen on a store whose writes go wrong as break says, from the
// answer to data-sensitivity on (2, ordinary personal data), then q.
// left is the error accessible mode is to end with: "" for none, or the
// count of the writes not known to be saved.
func accessibleOnAFaultyRepo(t *testing.T, left string, breaks func(*faultyRepo)) (*env, *assess.Assessment, string) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	repo := newFaultyRepo(t, e.db)
	d := e.deps()
	// The stand-ins' errors are a team database's (lostAtCommitError).
	d.Repo, d.Login = repo, "ana"
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"},
		{before: func() { breaks(repo) }, text: "2"},
		{text: "q"},
	}}
	var out bytes.Buffer
	err := tui.RunAccessible(context.Background(), d, in, &out)
	if left != "" {
		leftNotKnown(t, err, left, out.String())
	} else if err != nil {
		t.Fatal(err)
	}
	return e, a, out.String()
}

// The connection is lost at the commit and the server is still away:
// accessible mode said "Not saved:" of a change the server may hold, and
// said nothing of it as it left.
func TestAccessibleAnswerLostAtTheCommitIsSaidAsNotKnown(t *testing.T) {
	_, _, out := accessibleOnAFaultyRepo(t, "1 change is not known to be saved", func(r *faultyRepo) {
		r.failWith.Store(lostAtCommitError())
		r.mode.Store(writeThenFailWith)
		r.failReads.Store(true)
	})
	if strings.Contains(out, "Not saved: the connection") {
		t.Errorf("a change the server may hold said as not saved:\n%s", out)
	}
	for _, want := range []string{
		"Perhaps not saved: the connection to the team database postgres://ana@db.example.org/privacy was lost as this change was being committed",
		// The option as the person chose it, its label cut to fit a line.
		"Not known to be saved as accessible mode left: assessment 1, Acme Cloud Ltd: the answer to data-sensitivity, given as Other personal data, such as customers' or staff's records",
		"…. Once the server is back, the assessment's audit trail (5 in its choices) shows whether it is there.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
}

// The connection is lost at the commit, and the server answers at once:
// reading the answer back finds it recorded, said saved, and recorded
// once.
func TestAccessibleAnswerLostAtTheCommitButRecordedIsSaidSaved(t *testing.T) {
	e, a, out := accessibleOnAFaultyRepo(t, "", func(r *faultyRepo) {
		r.failWith.Store(lostAtCommitError())
		r.mode.Store(writeThenFailWith)
	})
	if strings.Contains(out, "Not saved") || strings.Contains(out, "Not known") || !strings.Contains(out, "Saved.") {
		t.Errorf("an answer the server recorded is not said saved:\n%s", out)
	}
	events, err := e.db.Events(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range events {
		if ev.Kind == "answer" && ev.Target == "data-sensitivity" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d audit records of the answer to data-sensitivity, want 1", n)
	}
}

// The server cannot be reached: nothing was recorded, said so, and the
// question is asked again; nothing is left to name on leaving.
func TestAccessibleAnswerTheServerNeverGotIsRefusedAndAskedAgain(t *testing.T) {
	e, a, out := accessibleOnAFaultyRepo(t, "", func(r *faultyRepo) {
		r.failWith.Store(unreached())
		r.mode.Store(writeFailsWith)
	})
	for _, want := range []string{
		"Not saved: cannot reach the team database postgres://ana@db.example.org/privacy: it did not answer in time; nothing was recorded",
		"Answer, or r to hear the question again",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Not known") {
		t.Errorf("a change nothing recorded named as not known:\n%s", out)
	}
	if _, ok := e.load(a.ID).Answers["data-sensitivity"]; ok {
		t.Error("data-sensitivity stored, though the server never got it")
	}
}
