package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// otherWindow is a second handle on the test's database, as a second
// assay window (or a colleague) has, answering as Sam Ortiz.
type otherWindow struct {
	t  *testing.T
	db *store.DB
}

func (e *env) otherWindow() *otherWindow {
	e.t.Helper()
	db, err := store.Open(e.dbPath, questionnaires.Decode)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { db.Close() })
	db.UseKey(testKey)
	return &otherWindow{t: e.t, db: db}
}

func (o *otherWindow) answer(id int64, qid, choice, note string) {
	o.t.Helper()
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	ans := assess.Answer{QuestionID: qid, Value: assess.Value{Choices: []string{choice}}, Note: note}
	if err := o.db.SaveAnswer(ctx, id, ans); err != nil {
		o.t.Fatal(err)
	}
}

// acmeAnsweredElsewhere is the vendor screen of Acme Cloud Ltd with its
// first question, data-sensitivity, answered by Sam in another window,
// so that attestation is the first question left when it opens.
func (e *env) acmeAnsweredElsewhere() (*assess.Assessment, *otherWindow) {
	e.t.Helper()
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	other.answer(a.ID, "data-sensitivity", "personal", "")
	return a, other
}

// watching is the workspace following the database's changes.
func (e *env) watching() *flow {
	e.t.Helper()
	return e.startWith(e.watchingDeps())
}

// watchingDeps are the workspace's dependencies with the database's
// changes followed, for a test that replaces another of them.
func (e *env) watchingDeps() tui.Deps {
	e.t.Helper()
	w, err := e.db.Watch(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { w.Close() })
	d := e.deps()
	d.Changes = w
	return d
}

// watchingWithFaultyRepo is the workspace following the database's
// changes, saving through a repository whose writes a test can make fail.
func (e *env) watchingWithFaultyRepo() (*flow, *faultyRepo) {
	e.t.Helper()
	repo := newFaultyRepo(e.t, e.db)
	d := e.watchingDeps()
	d.Repo = repo
	return e.startWith(d), repo
}

// Another window answers while the workspace is open: the home screen
// and the open interview show its answers without a key pressed, and
// say who changed what.
func TestWorkspaceShowsOthersChangesAsTheyHappen(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd", "1/33")
	other.answer(a.ID, "attestation", "yes", "")
	other.answer(a.ID, "policy", "yes", "")
	f.waitFor("3/33")

	f.press("enter")
	f.waitFor("question 4 of 33", "3/33")
	other.answer(a.ID, "attestation", "no", "report lapsed in May")
	f.waitFor("Sam Ortiz changed attestation")
	f.press("left", "left")
	f.waitFor("question 2 of 33", "report lapsed in May")
	f.quit()
}

// The question being edited keeps what is typed while another window
// changes its answer; saving it then shows the other answer and asks.
// K keeps theirs.
func TestWorkspaceKeepsTheEditAndAsksOnAConflict(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	f.press("n")
	f.typeText("checked the SOC 2 report")
	other.answer(a.ID, "attestation", "partial", "Type I only")
	f.waitFor("Sam Ortiz changed this answer at", "while you", "Partly (note", "which to keep")
	if s := f.screen(); !strings.Contains(s, "checked the SOC 2 report") {
		t.Fatalf("the note being typed was lost when another window saved:\n%s", s)
	}
	f.press("enter")
	f.waitFor("Sam Ortiz changed this answer at", `Theirs: Partly (note "Type I only")`, `Yours:  Partly (note "checked the SOC 2 report")`, "K keep theirs")
	f.press("K")
	f.waitGone("Sam Ortiz changed this answer")
	f.quit()
	got := e.load(a.ID).Answers["attestation"]
	if got.Note != "Type I only" || got.UpdatedBy != "Sam Ortiz" {
		t.Errorf("attestation after keeping theirs: %s by %s", got.Describe(), got.UpdatedBy)
	}
}

// Without live updates, the other window's answer is met at saving: the
// workspace names the question from the next one, where the answer took
// the analyst, and c shows it with both answers; O overwrites theirs
// knowingly, and the database holds ours.
func TestWorkspaceOverwritesKnowingly(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	other.answer(a.ID, "attestation", "yes", "SOC 2 Type II, 2025")
	f.press("3")
	f.waitFor("question 3 of 33", "Sam Ortiz changed the answer to question 2 (attestation) before yours was saved: c goes to it")
	f.press("c")
	f.waitFor("question 2 of 33", "Sam Ortiz changed this answer at", `Theirs: Yes, in place (note "SOC 2 Type II, 2025")`, "O overwrite")
	if got := e.load(a.ID).Answers["attestation"]; got.UpdatedBy != "Sam Ortiz" {
		t.Fatalf("the refused save changed the answer: %s by %s", got.Describe(), got.UpdatedBy)
	}
	f.press("O")
	f.waitGone("Sam Ortiz changed this answer")
	f.waitFor("saved ✓")
	f.quit()
	got := e.load(a.ID).Answers["attestation"]
	if got.UpdatedBy != "Dana Reyes" || got.Value.Choices[0] == "yes" {
		t.Errorf("attestation after overwriting: %s by %s, want Dana's", got.Describe(), got.UpdatedBy)
	}
}

// The plan open in the workspace shows another window's change to an
// item as it is made.
func TestWorkspacePlanShowsOthersChanges(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	other.answer(a.ID, "mfa", "no", "")
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("p")
	f.waitFor("[Plan]", "mfa")
	owner := "Platform team"
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := other.db.ChangePlanItem(ctx, a.ID, "mfa", assess.PlanChange{Owner: &owner}, testToday); err != nil {
		t.Fatal(err)
	}
	f.waitFor("Platform team")
	f.quit()
}

// The report open in the workspace is built again when another window
// changes the assessment: it said who changed what above a preview of
// the report as it was, until the person left the view and came back.
func TestWorkspaceReportShowsOthersChanges(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("m")
	f.waitFor("[Report]", "incomplete: 0 of 33 questions")
	other.answer(a.ID, "mfa", "no", "")
	f.waitFor("Sam Ortiz changed mfa", "incomplete: 1 of 33 questions")
	f.quit()
}

// toAcmeAttestation opens Acme Cloud Ltd from the home screen and goes to
// its plan's attestation item, which a colleague's "no" made a high
// finding and which is still open: where the tests of changes that did
// not reach the server start.
func (f *flow) toAcmeAttestation() {
	f.t.Helper()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 3 of 33")
	f.press("tab", "tab")
	f.waitFor("attestation", "high     open")
}
