package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/tui"
)

// Plan changes and sign-offs whose connection was lost at the commit are
// told as answers are (accessible_unreached_test.go): read back, said
// saved or signed if the server holds them, otherwise "Perhaps not …"
// and named again as accessible mode leaves, with the audit trail to see.

// signLostAtCommit signs as the store does, then fails as a connection
// lost once its commit was sent; then() runs between (the server gone).
type signLostAtCommit struct {
	tui.Governance
	then func()
}

func (g signLostAtCommit) Review(ctx context.Context, id int64, action assess.Action, on assess.Date, comment string, opts ...assess.ReviewOption) (*assess.Assessment, error) {
	if _, err := g.Governance.Review(ctx, id, action, on, comment, opts...); err != nil {
		return nil, err
	}
	g.then()
	return nil, lostAtCommitError()
}

func (g signLostAtCommit) RecordDPOOpinion(ctx context.Context, id int64, on assess.Date, opinion, comment string) (*assess.Assessment, error) {
	if _, err := g.Governance.RecordDPOOpinion(ctx, id, on, opinion, comment); err != nil {
		return nil, err
	}
	g.then()
	return nil, lostAtCommitError()
}

// submittedAsTheConnectionIsLost submits Acme's new vendor screen in
// accessible mode, the connection lost at the commit; away says whether
// the server is still away when it is read back, and so whether
// accessible mode is to end counting one change not known to be saved.
func submittedAsTheConnectionIsLost(t *testing.T, away bool) (*env, *assess.Assessment, string) {
	t.Helper()
	return submittedWithAsTheConnectionIsLost(t, away, "Ready for review")
}

// submittedWithAsTheConnectionIsLost is submittedAsTheConnectionIsLost
// with comment typed, or pasted, on a terminal that marks pastes.
func submittedWithAsTheConnectionIsLost(t *testing.T, away bool, comment string) (*env, *assess.Assessment, string) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	repo := newFaultyRepo(t, e.db)
	d := e.deps()
	d.Repo, d.Login = repo, "ana" // a team database's error (lostAtCommitError)
	d.Governance = signLostAtCommit{Governance: e.db, then: func() { repo.failReads.Store(away) }}
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"}, {text: "b"}, {text: "3"}, {text: "1"}, {text: comment}, {text: "q"},
	}}
	d.BracketedPaste = true
	var out bytes.Buffer
	err := tui.RunAccessible(context.Background(), d, in, &out)
	if away {
		leftNotKnown(t, err, "1 change is not known to be saved", out.String())
	} else if err != nil {
		t.Fatal(err)
	}
	return e, a, out.String()
}

func TestAccessibleSignOffLostAtTheCommitIsSaidAsNotKnown(t *testing.T) {
	_, _, out := submittedAsTheConnectionIsLost(t, true)
	if strings.Contains(out, "Not signed: the connection") {
		t.Errorf("a sign-off the server may hold said as not signed:\n%s", out)
	}
	for _, want := range []string{
		"Perhaps not signed: the connection to the team database postgres://ana@db.example.org/privacy was lost as this change was being committed",
		"as the assessment does when the workspace reads it again.\n",
		`Not known to be saved as accessible mode left: assessment 1, Acme Cloud Ltd: the sign-off submit, with the comment "Ready for review". ` +
			"Once the server is back, the assessment's audit trail (5 in its choices) shows whether it is there.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
}

// A comment pasted in lines is kept so; said in the words of a sign-off
// not known to be saved, %q read its line break out as "\n".
func TestAccessibleSignOffLostAtTheCommitSaysACommentInLinesOnOne(t *testing.T) {
	_, _, out := submittedWithAsTheConnectionIsLost(t, true, pasted("Ready\r\nfor review"))
	if want := `the sign-off submit, with the comment "Ready for review".`; !strings.Contains(out, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, out)
	}
}

func TestAccessibleSignOffLostAtTheCommitButRecordedIsSaidSigned(t *testing.T) {
	e, a, out := submittedAsTheConnectionIsLost(t, false)
	if strings.Contains(out, "Not signed") || strings.Contains(out, "Not known") || strings.Contains(out, "Perhaps") {
		t.Errorf("a sign-off the server recorded is not said signed:\n%s", out)
	}
	if want := "Signed: submitted by Dana Reyes on " + testToday.String() + ". Assessment 1 is now in review."; !strings.Contains(out, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, out)
	}
	if got := e.load(a.ID); got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("state %s with %d signatures; want in review, signed once", got.Status, len(got.SignOffs))
	}
}

// ownerSetAsTheConnectionIsLost sets the owner of payroll's first plan
// item to IT Ops in accessible mode, the connection lost at the commit;
// away as for submittedAsTheConnectionIsLost.
func ownerSetAsTheConnectionIsLost(t *testing.T, away bool) (*env, *assess.Assessment, string) {
	t.Helper()
	e, a := payrollAnswered(t)
	repo := newFaultyRepo(t, e.db)
	d := e.deps()
	d.Repo, d.Login = repo, "ana" // a team database's error (lostAtCommitError)
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"}, {text: "2"}, {text: "1"}, {text: "1"},
		{before: func() {
			repo.failWith.Store(lostAtCommitError())
			repo.mode.Store(writeThenFailWith)
			repo.failReads.Store(away)
		}, text: "IT Ops"},
		{text: "q"},
	}}
	var out bytes.Buffer
	err := tui.RunAccessible(context.Background(), d, in, &out)
	if away {
		leftNotKnown(t, err, "1 change is not known to be saved", out.String())
	} else if err != nil {
		t.Fatal(err)
	}
	return e, a, out.String()
}

func TestAccessiblePlanChangeLostAtTheCommitIsSaidAsNotKnown(t *testing.T) {
	_, a, out := ownerSetAsTheConnectionIsLost(t, true)
	if strings.Contains(out, "Not saved: the connection") {
		t.Errorf("a plan change the server may hold said as not saved:\n%s", out)
	}
	for _, want := range []string{
		"Perhaps not saved: the connection to the team database postgres://ana@db.example.org/privacy was lost as this change was being committed",
		"Not known to be saved as accessible mode left: assessment 1, " + a.Subject + ": a change to plan item ",
		`its owner to "IT Ops". Once the server is back, the assessment's audit trail (5 in its choices) shows whether it is there.`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
}

func TestAccessiblePlanChangeLostAtTheCommitButRecordedIsSaidSaved(t *testing.T) {
	e, a, out := ownerSetAsTheConnectionIsLost(t, false)
	if strings.Contains(out, "Not saved") || strings.Contains(out, "Not known") || strings.Contains(out, "Perhaps") || !strings.Contains(out, "Saved.") {
		t.Errorf("a plan change the server recorded is not said saved:\n%s", out)
	}
	owners := 0
	for _, ed := range e.load(a.ID).PlanEdits {
		if ed.Owner == "IT Ops" {
			owners++
		}
	}
	if owners != 1 {
		t.Errorf("%d plan items owned by IT Ops, want 1", owners)
	}
}

// On a team database, through a relay that cuts the connection at the
// server's word that the sign-off committed: the store cannot tell, and
// accessible mode, reading the assessment back on a new connection,
// finds the signature and says it signed, once.
func TestTeamAccessibleSignOffLostAtTheCommitIsReadBack(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("dana", "analyst")
	q, _ := te.lib.Get("vendor-security-screen")
	a := &assess.Assessment{Questionnaire: q, Subject: "Acme Cloud Ltd", AssessedOn: assess.DateOf(time.Now())}
	if err := dana.db.CreateAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	relay := pgtest.NewRelay(t, dana.dsn)
	d := te.deps(dana)
	through := dana.open(relay.DSN)
	d.Repo, d.Governance = through, through
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"}, {text: "b"}, {text: "3"}, {text: "1"},
		{before: relay.CutAtCommit, text: "Ready for review"},
		{text: "q"},
	}}
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if n := relay.Cuts(); n != 1 {
		t.Fatalf("the relay cut %d connections at a commit, want 1:\n%s", n, text)
	}
	if want := "Signed: submitted by " + dana.login + " on "; !strings.Contains(text, want) || strings.Contains(text, "Not signed") || strings.Contains(text, "Perhaps") {
		t.Errorf("a sign-off the server committed, its answer lost, is not said signed (%q):\n%s", want, text)
	}
	got, err := dana.db.Assessment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("state %s with %d signatures; want in review, signed once", got.Status, len(got.SignOffs))
	}
}
