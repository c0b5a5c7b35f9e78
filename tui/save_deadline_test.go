package tui_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// faultyRepo is the store with writes that go wrong on demand.
type faultyRepo struct {
	assess.Repository
	mode  atomic.Int32
	hangs *silentGate // holds the writes of writeHangs until the test ends
	// late holds the writes of writeWaits until proceed: a database
	// that answers late, but answers.
	late     *silentGate
	proceed  func()
	failWith atomic.Value // the error of writeFailsWith
	// deadlines is how many of the next writes wait out their deadline,
	// whatever the mode: a disk or server that hung, then recovered.
	deadlines atomic.Int32
	// reads (retry_test.go): heldReads is the assessment whose reads
	// the gate reads holds until letReads; failReads fails every read of one.
	heldReads atomic.Int64
	// readsTillDeadline is the assessment whose reads the gate reads
	// holds until letReads or their context's deadline, as a driver that
	// honours it does.
	readsTillDeadline atomic.Int64
	reads             *silentGate
	letReads          func() // lets the held reads go
	failReads         atomic.Bool
	// failNextReads is how many of the next reads fail, whatever else.
	failNextReads atomic.Int32
	// script are the outcomes of the next writes, in turn, whatever the
	// mode (nil: the write is made).
	scriptMu sync.Mutex
	script   []error
}

const (
	writeNormally int32 = iota
	writeHangs          // blocks, deaf to its context, as a write stuck on a hung disk
	writeHangsUntilDeadline
	writeFails
	writeWaits        // blocks until proceed, deaf to its context, then writes
	writeFailsWith    // fails with failWith
	writeThenFailWith // writes, then fails with failWith: the answer lost on the way back
)

func newFaultyRepo(t *testing.T, r assess.Repository) *faultyRepo {
	f := &faultyRepo{Repository: r, hangs: newSilentGate(t), late: newSilentGate(t), reads: newSilentGate(t)}
	f.proceed, f.letReads = f.late.letGo, f.reads.letGo
	return f
}

func (f *faultyRepo) SaveAnswer(ctx context.Context, id int64, a assess.Answer) error {
	if f.mode.Load() == writeThenFailWith {
		if err := f.Repository.SaveAnswer(ctx, id, a); err != nil {
			return err
		}
		return f.failWith.Load().(error)
	}
	if err := f.fault(ctx); err != nil {
		return err
	}
	return f.Repository.SaveAnswer(ctx, id, a)
}

func (f *faultyRepo) ReplaceAnswers(ctx context.Context, id int64, as []assess.Answer, seen assess.Answers) error {
	if f.mode.Load() == writeThenFailWith {
		if err := f.Repository.ReplaceAnswers(ctx, id, as, seen); err != nil {
			return err
		}
		return f.failWith.Load().(error)
	}
	if err := f.fault(ctx); err != nil {
		return err
	}
	return f.Repository.ReplaceAnswers(ctx, id, as, seen)
}

// fault is the failure the mode asks for, nil for none.
func (f *faultyRepo) fault(ctx context.Context) error {
	f.scriptMu.Lock()
	if len(f.script) > 0 {
		err := f.script[0]
		f.script = f.script[1:]
		f.scriptMu.Unlock()
		return err
	}
	f.scriptMu.Unlock()
	for n := f.deadlines.Load(); n > 0; n = f.deadlines.Load() {
		if f.deadlines.CompareAndSwap(n, n-1) {
			<-ctx.Done()
			return ctx.Err()
		}
	}
	switch f.mode.Load() {
	case writeHangs:
		f.hangs.hold("the write")
		return errReleased
	case writeHangsUntilDeadline:
		<-ctx.Done()
		return ctx.Err()
	case writeFails:
		return errors.New("disk I/O error")
	case writeWaits:
		f.late.hold("the write")
	case writeFailsWith:
		return f.failWith.Load().(error)
	}
	return nil
}

func unsaved(t *testing.T, f *flow) []string {
	t.Helper()
	m := f.tm.FinalModel(t, teatest.WithFinalTimeout(screenWait))
	return m.(screenSpy).Model.(tui.Model).Unsaved()
}

// faultyInterview opens the interview of a new vendor screen, its data
// sensitivity answered, on a store
// whose writes go wrong on demand, with the given write deadline (0 for
// the default).
func faultyInterview(t *testing.T, deadline time.Duration) (*env, *assess.Assessment, *faultyRepo, *flow) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	// data-sensitivity answered, so that the interview opens on attestation.
	sensitivity := assess.Answer{QuestionID: "data-sensitivity", Value: assess.Value{Choices: []string{"personal"}}}
	if err := e.db.SaveAnswer(context.Background(), a.ID, sensitivity); err != nil {
		t.Fatal(err)
	}
	repo := newFaultyRepo(t, e.db)
	d := e.deps()
	d.Repo, d.SaveTimeout = repo, deadline
	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	return e, a, repo, f
}

// A write that never comes back is reported as not saved, naming the
// answer, once its deadline and the watchdog's margin have passed; the
// writes after it still run; and q does not wait for a write that has
// stopped answering: the program ends and says what was not saved.
func TestWriteThatNeverReturnsIsReportedAndQuitEnds(t *testing.T) {
	e, a, repo, f := faultyInterview(t, time.Second)
	repo.mode.Store(writeHangs)
	f.press("1")
	f.waitFor("question 3 of 33", "saving…")
	f.waitFor("not saved: the answer to attestation: no answer from the database within 1.25s")
	// Two more answers: the first hangs too, the second waits behind it.
	// q waits for them only until the first stops answering.
	f.press("1")
	f.waitFor("question 4 of 33")
	f.press("1")
	f.waitFor("question 5 of 33")
	f.press("q")
	f.waitFor("finishing saves (2 to write)… ctrl+c quits without them")
	want := []string{
		"#1 Acme Cloud Ltd: the answer to attestation, given as Yes, in place: no answer from the database within 1.25s",
		"#1 Acme Cloud Ltd: the answer to policy, given as Yes, in place: no answer from the database within 1.25s",
		"#1 Acme Cloud Ltd: the answer to personnel, given as Yes, in place: not written yet",
	}
	if got := unsaved(t, f); !slices.Equal(got, want) {
		t.Errorf("not saved, said on the way out:\n%q\nwant\n%q", got, want)
	}
	e.reopen()
	// Only data-sensitivity, saved before the interview opened.
	if n := len(e.load(a.ID).Answers); n != 1 {
		t.Errorf("%d answers stored; the writes never finished", n)
	}
}

// A store that honours its context returns at the deadline; the answer
// is reported as not saved, and given again, it is saved and the report
// goes away. The deadline is long enough for the real store's save that
// follows to fit in it on a machine under heavy load (a 200ms one did not,
// at a load average of 15): realWriteDeadline.
func TestWriteDeadlineReachesTheStore(t *testing.T) {
	e, a, repo, f := faultyInterview(t, realWriteDeadline)
	repo.mode.Store(writeHangsUntilDeadline)
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: the database did not answer within "+realWriteDeadline.String())
	repo.mode.Store(writeNormally)
	f.press("left")
	f.waitFor("question 2 of 33")
	f.press("1")
	f.waitFor("question 3 of 33", "saved ✓")
	f.waitGone("not saved")
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	e.reopen()
	if c := e.load(a.ID).Answers["attestation"].Value.Choices; len(c) != 1 || c[0] != "yes" {
		t.Errorf("attestation stored as %v, want [yes]", c)
	}
}

// A write the store refuses is reported on the screen, and listed again
// when the program ends.
func TestFailedWriteIsReportedAndQuitEnds(t *testing.T) {
	_, _, repo, f := faultyInterview(t, 0)
	repo.mode.Store(writeFails)
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: disk I/O error")
	f.quit()
	want := []string{"#1 Acme Cloud Ltd: the answer to attestation, given as Yes, in place: disk I/O error"}
	if got := unsaved(t, f); !slices.Equal(got, want) {
		t.Errorf("not saved, said on the way out: %q, want %q", got, want)
	}
}

// ctrl+c waits for the write in flight, saying so; a second ctrl+c leaves
// at once, and the program says which change it left unconfirmed.
func TestSecondCtrlCLeavesAtOnce(t *testing.T) {
	_, _, repo, f := faultyInterview(t, time.Hour)
	repo.mode.Store(writeHangs)
	f.press("1")
	f.waitFor("question 3 of 33", "saving…")
	f.press("ctrl+c")
	f.waitFor("finishing saves (1 to write)… ctrl+c quits without them")
	f.press("ctrl+c")
	want := []string{"#1 Acme Cloud Ltd: the answer to attestation, given as Yes, in place: still being written"}
	if got := unsaved(t, f); !slices.Equal(got, want) {
		t.Errorf("not saved, said on the way out: %q, want %q", got, want)
	}
}
