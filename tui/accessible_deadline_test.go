package tui_test

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// Accessible mode asks and waits in line: its reads and writes had no
// deadline, so a team server that accepts and never answers held the
// prompt for as long, saying nothing. Each now has the workspace's write
// deadline (withinDeadline): given up after it, the read is said not
// read, the write not known to be saved; and the days a plan's risks
// were accepted on, not read, are said as the workspace says them
// (undatedWords), not left to judge the plan on today unsaid.

// deafReads is the store whose reads of the list, or of the days risks
// were accepted on, never answer while their gate is silent, deaf to
// their context, or fail with stampsFail.
type deafReads struct {
	*store.DB
	list, stamps *silentGate
	stampsFail   error
}

func newDeafReads(t *testing.T, db *store.DB) *deafReads {
	return &deafReads{DB: db, list: newSilentGate(t), stamps: newSilentGate(t)}
}

func (r *deafReads) Assessments(ctx context.Context, f assess.Filter) ([]*assess.Assessment, error) {
	if r.list.holdWhileSilent("the list") {
		return nil, errReleased
	}
	return r.DB.Assessments(ctx, f)
}

func (r *deafReads) PlanFieldStamps(ctx context.Context, id int64, key string) (map[assess.PlanField]assess.FieldStamp, error) {
	if r.stamps.holdWhileSilent("the days risks were accepted on") {
		return nil, errReleased
	}
	if r.stampsFail != nil {
		return nil, r.stampsFail
	}
	return r.DB.PlanFieldStamps(ctx, id, key)
}

// accessibleWithin runs accessible mode on d with in typed, and fails
// the test, saying what it said so far, if it has not ended well within
// the package's timeout: it waited for a store that never answers.
func accessibleWithin(t *testing.T, d tui.Deps, in io.Reader) string {
	t.Helper()
	out, err := accessibleLeaving(t, d, in)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// accessibleLeaving is accessibleWithin for a session that leaves with
// writes not known to be saved: what accessible mode said, and the error
// it ended with, which counts them.
func accessibleLeaving(t *testing.T, d tui.Deps, in io.Reader) (string, error) {
	t.Helper()
	var out tui.AccessibleOutput
	done := make(chan error, 1)
	go func() { done <- tui.RunAccessible(context.Background(), d, in, &out) }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(20 * time.Second):
		t.Fatalf("accessible mode still waits for the store after 20s; it said:\n%s", out.String())
	}
	return "", nil
}

func TestAccessibleHungReadOfTheListIsGivenUpAndSaid(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	repo := newDeafReads(t, e.db)
	repo.list.goSilent()
	d := e.deps()
	d.Repo, d.SaveTimeout = repo, time.Second
	in := &scriptedInput{lines: []scriptedLine{
		{text: "r", before: func() { repo.list.answer() }},
		{text: "q"},
	}}
	out := accessibleWithin(t, d, in)
	for _, want := range []string{
		"The list of assessments could not be read: " + noAnswer + ".",
		"Type r to read the list again, or q to quit:",
		"Assessments: 1.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
}

// An answer whose write got no answer may have been recorded (the server
// may yet): said "Perhaps not saved", never "Saved" nor "Not saved", and
// named again as accessible mode leaves, as an answer whose connection
// was lost at the commit is.
func TestAccessibleHungAnswerIsGivenUpAndSaidNotKnown(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	repo := newFaultyRepo(t, e.db)
	d := e.deps()
	d.Repo, d.SaveTimeout = repo, time.Second
	in := &scriptedInput{lines: []scriptedLine{
		{text: "1"},
		{before: func() { repo.mode.Store(writeHangs) }, text: "2"},
		{before: func() { repo.mode.Store(writeNormally) }, text: "q"},
	}}
	out, err := accessibleLeaving(t, d, in)
	leftNotKnown(t, err, "1 change is not known to be saved", out)
	for _, want := range []string{
		"Perhaps not saved: " + noAnswer + ".\n", // a sentence, ended as one for a listener
		"Not known to be saved as accessible mode left: assessment 1, Acme Cloud Ltd: the answer to data-sensitivity, given as Other personal data",
		"When assay next opens the file, the assessment's audit trail (5 in its choices) shows whether it is there.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	for _, wrong := range []string{"Saved.", "Not saved:"} {
		if strings.Contains(out, wrong) {
			t.Errorf("an answer given up for want of an answer is said as %q:\n%s", wrong, out)
		}
	}
}

// The days the plan's risks were accepted on not read (the server never
// answers, or the read fails): the plan was judged on today without a
// word, where its report is dated by a colleague's acceptance ahead. It
// is still judged on today, and says so, as the workspace does.
// payrollAcceptedAhead works the plan out: as of yesterday, mfa is due
// and not yet overdue.
func TestAccessiblePlanSaysTheDaysRisksWereAcceptedOnWereNotRead(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(*deafReads)
		why  string
	}{
		{"never answered", func(r *deafReads) { r.stamps.goSilent() }, noAnswer},
		{"failed", func(r *deafReads) { r.stampsFail = errors.New("disk I/O error") }, "disk I/O error"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, a, _, _, yesterday := payrollAcceptedAhead(t)
			repo := newDeafReads(t, e.db)
			c.set(repo)
			d := e.deps()
			d.Repo, d.SaveTimeout = repo, time.Second
			d.Today = func() assess.Date { return yesterday }
			id := strconv.FormatInt(a.ID, 10)
			out := accessibleWithin(t, d, strings.NewReader(strings.Join([]string{id, "2", "b", "q"}, "\n")+"\n"))
			for _, want := range []string{
				"The days the risks of assessment " + id + ", Payroll system were accepted on were not read: " + c.why +
					"; its overdue items are judged without them.",
				"Remediation plan of assessment " + id + ", Payroll system: 2 items, 1 open, 0 overdue, as of " + yesterday.String() + ".",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("accessible mode does not say %q:\n%s", want, out)
				}
			}
		})
	}
}

// An assessment whose creation got no answer may have been created: said
// so, never "Not created", and the list read again shows whether it was.
// It is named again as accessible mode leaves, and counted by the error
// it ends with (assay's exit status): it was said only at the time, so a
// person who missed that line left believing all was saved.
func TestAccessibleHungCreationIsSaidNotKnown(t *testing.T) {
	e := newEnv(t)
	repo := newDeafWrites(t, e.db)
	repo.goSilent()
	d := e.deps()
	d.Repo, d.Governance, d.SaveTimeout = repo, repo, time.Second
	out, err := accessibleLeaving(t, d, strings.NewReader("n\n8\nBeta Corp\n\nq\n"))
	for _, want := range []string{
		"Not known whether the assessment was created: " + noAnswer + ". The list, read again now, shows whether it was.\n\nAssessments: 0.",
		`Not known to be saved as accessible mode left: a new Vendor security screen of "Beta Corp". ` +
			"When assay next opens the file, the list of assessments shows whether it was created.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	leftNotKnown(t, err, "1 change is not known to be saved", out)
	if strings.Contains(out, "Not created") {
		t.Errorf("a creation given up for want of an answer is said as not created:\n%s", out)
	}
}

// An explanation typed at a sign-off refused for answers that disagree,
// whose write got no answer, may have been recorded: said not known,
// with where to look (the audit trail), never "Recorded for" nor "Not
// recorded", and the person is back at the assessment's choices, not
// asked again for an explanation the server may hold already.
func TestAccessibleHungExplanationIsSaidNotKnown(t *testing.T) {
	d, in := explainingAsTheServerGoesSilent(t)
	in.lines = append(in.lines, scriptedLine{text: "q"})
	out, err := accessibleLeaving(t, d, in)
	for _, want := range []string{
		"Not known whether it was recorded: " + noAnswer +
			". The assessment's audit trail (5 in its choices) shows whether it is there.\n",
		"Not known to be saved as accessible mode left: assessment 1, Loan model: the explanation of groups-tested-yet-none-compared, " +
			`"Only single groups were in the data". When assay next opens the file, the assessment's audit trail (5 in its choices) shows whether it is there.` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	leftNotKnown(t, err, "1 change is not known to be saved", out)
	for _, wrong := range []string{"Recorded for", "Not recorded", "Every disagreement is explained"} {
		if strings.Contains(out, wrong) {
			t.Errorf("an explanation given up for want of an answer is said as %q:\n%s", wrong, out)
		}
	}
	if asked := strings.Count(out, "Why do both answers stand?"); asked != 1 {
		t.Errorf("asked why both answers stand %d times; want once, the explanation given up not asked for again:\n%s", asked, out)
	}
}

// A revision of an approved assessment whose write got no answer may
// have been started: said not known, with where to look (the list),
// never "Not started" nor a revision's number.
func TestAccessibleHungRevisionIsSaidNotKnown(t *testing.T) {
	e, a := payrollAnswered(t)
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Sam Ortiz"), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Rui Reviewer"), a.ID, assess.ActApprove, testToday, "fine"); err != nil {
		t.Fatal(err)
	}
	repo := newDeafWrites(t, e.db)
	d := e.deps()
	d.Repo, d.Governance, d.SaveTimeout = repo, repo, time.Second
	id := strconv.FormatInt(a.ID, 10)
	in := &scriptedInput{lines: []scriptedLine{
		{text: id}, {text: "3"}, // the assessment, then its sign-off
		{before: repo.goSilent, text: "1"}, // the one decision offered: start a revision
		{text: "q"},
	}}
	out, err := accessibleLeaving(t, d, in)
	for _, want := range []string{
		"Decisions: 1 Start a revision: a new draft with these answers and plan.",
		"Not known whether the revision was started: " + noAnswer + ". The list of assessments shows whether it was.\n",
		"Not known to be saved as accessible mode left: assessment " + id + ", Payroll system: starting a revision of it. " +
			"When assay next opens the file, the list of assessments shows whether it was started.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	for _, wrong := range []string{"Not started", "started as assessment"} {
		if strings.Contains(out, wrong) {
			t.Errorf("a revision given up for want of an answer is said as %q:\n%s", wrong, out)
		}
	}
	leftNotKnown(t, err, "1 change is not known to be saved", out)
}

// explainingAsTheServerGoesSilent is accessible mode on a loan model whose
// answers disagree, submitted and refused for want of an explanation,
// which is typed as the server stops answering writes (a second's
// deadline): the input goes on from there.
func explainingAsTheServerGoesSilent(t *testing.T) (tui.Deps, *scriptedInput) {
	t.Helper()
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	repo := newDeafWrites(t, e.db)
	d := e.deps()
	d.Repo, d.Governance, d.SaveTimeout = repo, repo, time.Second
	in := &scriptedInput{}
	for _, l := range []string{"1", "1", "2", "b", "3", "1", "Ready"} { // yes, not measured: the check holds; submit, refused
		in.lines = append(in.lines, scriptedLine{text: l})
	}
	in.lines = append(in.lines, scriptedLine{before: repo.goSilent, text: "Only single groups were in the data"})
	return d, in
}
