package tui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// saver writes the workspace's changes to the store one at a time, in the
// order they were given, whichever screen or assessment they belong to.
//
// Screens never hold a write's command: they only enqueue (through the
// session), and the root model starts the next write after every Update.
// So no screen can drop a write by returning the wrong command, and
// opening another assessment cannot drop the writes still queued for the
// last one. A write always reports back: its command gives the store a
// deadline through the context and, should the store not return, stops
// waiting a little after it (the watchdog) and reports the write as not
// saved. The queue then moves on: it cannot wedge.
type saver struct {
	queue   []saveOp
	running *saveOp // the write in flight
	// unanswered says the write in flight has had no answer for
	// unansweredAfter: the status then says what is waiting.
	unanswered bool
	// away is why the watcher says the database cannot be followed now
	// (the server out of reach), "" while it can: a write that would be
	// made again once it answers is not sent meanwhile (start).
	away    string
	seq     int // numbers the writes, so that a report finds its write
	saved   int // writes the store confirmed
	failed  []saveFailure
	refused string // a change refused before it was queued (a locked assessment)
	// giveUp says quitting waits no longer: a write got no answer since
	// quitting began, or ctrl+c was pressed again. No write starts then.
	giveUp bool
	// untyped is what was being typed into a field when the workspace
	// quit: never given, so never written, and said on leaving.
	untyped []Untyped
	// reads of the store waiting for the writes queued before them, so
	// that what they show includes every answer given.
	reads []tea.Cmd
	// creating names the assessment the store is creating (`a new Vendor
	// security screen of "Acme"`), while it is: quitting waits for it as
	// for a write, and says whether it was created, in created or in
	// failed, since no screen shows it then.
	creating string
	created  []string
	// signing names the sign-off the store is recording, while it is:
	// quitting waits for it too, and says whether it was recorded.
	signing string
	// sign is the sign-off's command while it waits for the writes
	// queued before it (signAfterWrites).
	sign tea.Cmd
	// archiving names each archiving or restoring on its way (`#3 Acme
	// Cloud Ltd: archiving it`), and explaining the explanation on its
	// way, explanation its command while it waits for the writes queued
	// before it (recorded.go): quitting waits for them too, and says
	// what became of them.
	archiving       []string
	explaining      string
	explainingCheck string // the check it explains
	explanation     tea.Cmd
	// held are writes given while an earlier change to the same thing
	// waits to be made again (retry.go): they go once it is queued.
	held []saveOp
	// retryComing: the writes that failed for want of the database are
	// to be made again, after the read of the open assessment on its way
	// (the server back, or the retry schedule's time come); retryTick is
	// the schedule's tick still to come (0: none), numbered by retryGen;
	// retries counts the schedule's tries since a write last succeeded
	// (retry.go).
	retryComing bool
	retryTick   int
	retryGen    int
	retries     int
	// unread says the open assessment's last read again got no answer
	// within its deadline (live.go), until the server answers a read or
	// a write: said on the status line after any failure.
	unread string
	// undated says the days the open assessment's risks were accepted on
	// were not read (plan_accepted_days.go), until they are.
	undated string
}

// saveOp is one durable write.
type saveOp struct {
	seq int
	// key names what the write sets (one answer, one plan item): a later
	// write of the same key settles an earlier one that failed.
	key  string
	what string // in words, for the status line: "the answer to mfa"
	// given is the value it gives, for the list said on quitting:
	// "given as no" (unsaved_words.go).
	given string
	where string // the assessment, for the exit message: "#3 Acme Cloud Ltd"
	run   func(ctx context.Context, repo assess.Repository) error
	// bind, if set, makes run when the write starts (in Update), from
	// what the writes before it left: the answer a change is made over.
	bind func() func(ctx context.Context, repo assess.Repository) error
	// after, if set, hears the write's outcome, in Update.
	after func(err error)
	// stored, if set, reports whether the store holds already what the
	// write sets. A write made again (again) asks it first: the server
	// may have recorded the first try, its answer lost on the way back,
	// and the read that finds such a write before a retry may have
	// failed, or not come (retry.go).
	stored func(ctx context.Context, repo assess.Repository) (bool, error)
	again  bool
	// behind, if set, reports whether the write waits behind an earlier
	// change to its thing that met someone else's, a conflict still to
	// settle: it is not sent, nor made again here, but given again once
	// the analyst chooses (plan_chain.go).
	behind func() bool
}

// saveFailure is a write the store refused or did not confirm in time,
// kept until a later write of the same thing succeeds.
// why is said when the workspace ends, whole; brief, where it differs,
// on the status line (saidBriefly).
type saveFailure struct {
	key, what, given, where, why, brief string
	// again, for a write that failed for want of the database (it could
	// not be reached, or did not answer), is the write to make again
	// once the database answers (retryUnreached).
	again *saveOp
}

// savedMsg reports a write's outcome back to Update.
type savedMsg struct {
	seq int
	err error
}

// defaultSaveTimeout is how long a write may take: the store's wait for
// another's lock (assess.WriteWait: on a team database the server's
// lock_timeout; a file's busy timeout is 5 s), and time for the answer.
// A write the server gives up on then says which assessment another
// session holds; past this, something is wrong.
const defaultSaveTimeout = assess.WriteWait + 5*time.Second

// unansweredAfter is how long a write runs before the status says the
// database has not answered yet, naming what is waiting. A save answers
// in tens of milliseconds on a team server nearby, and in well under a
// second on a loaded one (docs/performance.md); a few seconds with no
// answer is a server that is away, busy with a lock another session
// holds, or behind a network gone silent, and the analyst, answering on
// a call, hears it before the next question or two rather than when the
// deadline ends the wait. Only the words change: the write keeps its
// whole deadline, so a server that is merely slow still saves.
const unansweredAfter = 3 * time.Second

// unansweredMsg says the write seq has run for unansweredAfter; outcome
// waits for its savedMsg.
type unansweredMsg struct {
	seq     int
	outcome tea.Cmd
}

// errNoAnswer is the watchdog's report on a write that ignored its deadline.
var errNoAnswer = errors.New("no answer from the database")

// errNotInTime is the report on a write that returned at its deadline.
var errNotInTime = errors.New("the database did not answer")

// errNotSent is the report on a write not sent while the watcher says
// the database cannot be reached (saver.away), or while an earlier change
// to its thing is kept (errKeptBehind): it is kept to make again.
var errNotSent = errors.New("not sent")

// errKeptBehind is the report on a write not sent because an earlier
// change to its thing is kept to be made again (retry.go).
var errKeptBehind = fmt.Errorf("%w: it goes after the earlier change to it, not saved yet", errNotSent)

// errBehindConflict is the report on a write not sent because an earlier
// change to its thing met someone else's (saveOp.behind): not one the
// database failed, so not made again on its own.
var errBehindConflict = errors.New("not sent: it waits for your choice on the earlier change to it, which met someone else's")

// unreached reports whether a write failed for want of the database:
// the store could not reach it, or lost it before or while committing
// (assess.EUnavailable), or it did not answer in time. Such a write is
// made again once the database answers, over the value it was first
// given over, so one the server recorded after all is not made twice;
// one it refused is not made again.
func unreached(err error) bool {
	return unanswered(err) || errors.Is(err, errNotSent) || assess.ErrorCode(err) == assess.EUnavailable
}

// unanswered reports whether a call to the store got no answer within its
// deadline (withinDeadline).
func unanswered(err error) bool {
	return errors.Is(err, errNoAnswer) || errors.Is(err, errNotInTime)
}

func (w *saver) pending() bool {
	return w.writesPending() || w.signing != "" || w.explaining != ""
}

// writesPending reports whether a write, a creation or an archiving is
// queued or on its way.
func (w *saver) writesPending() bool {
	return w.running != nil || len(w.queue) > 0 || w.creating != "" || len(w.archiving) > 0
}

// signAfterWrites records the sign-off named what once the writes queued
// before it are done, so that what is signed is what was typed: asked
// straight after an answer (a store far away, a loaded machine), it was
// refused as "still being saved". Quitting waits for it as for a write;
// the reads queued meanwhile wait for it too.
func (w *saver) signAfterWrites(what string, sign tea.Cmd) tea.Cmd {
	w.signing = what
	if !w.writesPending() {
		return sign
	}
	w.sign = sign
	return nil
}

// createdOutcome hears the end of a creation; quitting, it keeps what
// became of it to say as the workspace leaves.
func (w *saver) createdOutcome(msg createdMsg, quitting bool) {
	what := w.creating
	w.creating = ""
	if !quitting || what == "" {
		return
	}
	switch {
	case outcomeNotKnown(msg.err):
		w.failed = append(w.failed, saveFailure{key: "create", what: what, why: notKnown("created", msg.err, "assay list")})
	case msg.err != nil:
		w.failed = append(w.failed, saveFailure{key: "create", what: what, why: "not created: " + said(msg.err)})
	default:
		w.created = append(w.created, fmt.Sprintf("Assessment %d was created: %s", msg.a.ID, strings.TrimPrefix(what, "a new ")))
		if msg.carryErr != nil {
			why := "not carried over: " + said(msg.carryErr)
			if outcomeNotKnown(msg.carryErr) {
				why = notKnownCarried(msg.carryErr, fmt.Sprintf("assay history %d", msg.a.ID))
			}
			w.failed = append(w.failed, saveFailure{key: "carry", what: fmt.Sprintf("#%d %s: the pre-screen's answers", msg.a.ID, clean(msg.a.Subject)),
				why: why})
		}
	}
}

// signedOutcome hears the end of a sign-off; quitting, it keeps what
// became of it to say as the workspace leaves.
func (w *saver) signedOutcome(msg signedMsg, quitting bool) {
	what := w.signing
	w.signing = ""
	if !quitting || what == "" {
		return
	}
	switch {
	case outcomeNotKnown(msg.err):
		w.failed = append(w.failed, saveFailure{key: "sign", what: what, why: notKnown("recorded", msg.err, fmt.Sprintf("assay history %d", msg.id))})
	case msg.err != nil:
		w.failed = append(w.failed, saveFailure{key: "sign", what: what, why: "not signed: " + said(msg.err)})
	case msg.revised:
		w.created = append(w.created, fmt.Sprintf("Revision %d started as assessment #%d, a draft linked to #%d", msg.a.Revision, msg.a.ID, msg.a.RevisionOf))
	default:
		w.created = append(w.created, signedText(msg.a))
	}
}

// enqueue adds a write; the root model starts it when its turn comes.
func (w *saver) enqueue(op saveOp) {
	w.refused = ""
	if w.holds(op) {
		w.held = append(w.held, op)
		return
	}
	w.queue = append(w.queue, op)
}

// start runs the next write if none is running. Its outcome comes within
// the deadline and a quarter, whatever the store does (withinDeadline):
// from the command, or, past unansweredAfter, from the command
// unansweredMsg carries.
func (w *saver) start(d Deps) tea.Cmd {
	w.releaseHeld()
	for w.running == nil && len(w.queue) > 0 && w.queue[0].behind != nil && w.queue[0].behind() {
		w.keepBehindConflict(w.queue[0])
		w.queue = w.queue[1:]
	}
	if w.running != nil || len(w.queue) == 0 {
		return nil
	}
	op := w.queue[0]
	w.queue = w.queue[1:]
	if op.bind != nil {
		op.run = op.bind()
	}
	if op.again && op.stored != nil {
		op.run = unlessStored(op.stored, op.run)
	}
	w.seq++
	op.seq = w.seq
	w.running, w.unanswered = &op, false
	seq := op.seq
	if w.away != "" && op.bind != nil {
		// The watcher hears no server: sending would only wait out the
		// connect timeout, or the whole deadline on a network gone
		// silent, answer after answer. Said at once instead, kept, and
		// made again once the watcher hears the server (retryUnreached).
		err := fmt.Errorf("%w: %s; it is sent once the server answers", errNotSent, w.away)
		return func() tea.Msg { return savedMsg{seq: seq, err: err} }
	}
	if op.bind != nil && w.owes(thingOf(op.key), op.key) {
		// An earlier change to its thing, sent ahead of it, failed
		// again for want of the database: this one is made over it,
		// so it is kept behind it, and both go in order (retry.go).
		return func() tea.Msg { return savedMsg{seq: seq, err: errKeptBehind} }
	}
	return func() tea.Msg {
		outcome := make(chan savedMsg, 1)
		go func() {
			_, err := withinDeadline(d, func(ctx context.Context) (struct{}, error) { return struct{}{}, op.run(ctx, d.Repo) })
			outcome <- savedMsg{seq: seq, err: err}
		}()
		// A write answered in time reports once; one that is not says
		// so at unansweredAfter, and its outcome follows (noAnswerYet).
		// No timer of its own: a command that only waited would hold
		// whoever runs commands in turn for the whole of it.
		wait := time.NewTimer(unansweredAfter)
		defer wait.Stop()
		select {
		case msg := <-outcome:
			return msg
		case <-wait.C:
			return unansweredMsg{seq: seq, outcome: func() tea.Msg { return <-outcome }}
		}
	}
}

// unlessStored makes run only if the store does not hold already what it
// sets, which it finds out within the write's own deadline.
func unlessStored(stored func(context.Context, assess.Repository) (bool, error), run func(context.Context, assess.Repository) error) func(context.Context, assess.Repository) error {
	return func(ctx context.Context, repo assess.Repository) error {
		held, err := stored(ctx, repo)
		if err != nil || held {
			return err
		}
		return run(ctx, repo)
	}
}

// noAnswerYet hears that the write seq has run for unansweredAfter: the
// status says so, and the returned command waits for its outcome.
func (w *saver) noAnswerYet(msg unansweredMsg) tea.Cmd {
	if w.running != nil && w.running.seq == msg.seq {
		w.unanswered = true
	}
	return msg.outcome
}

// waitingWords names the write the database has not answered and how
// many more wait behind it; empty while it has not been long.
func (w *saver) waitingWords() string {
	if w.running == nil || !w.unanswered {
		return ""
	}
	text := "no answer from the database yet: " + w.running.what
	if n := w.waiting() - 1; n > 0 {
		return text + fmt.Sprintf(" and %d more %s are not saved yet", n, assess.Plural(n, "change", "changes"))
	}
	return text + " is not saved yet"
}

// done records a write's outcome.
func (w *saver) done(msg savedMsg) {
	if w.running == nil || msg.seq != w.running.seq {
		return
	}
	op := *w.running
	w.running, w.unanswered = nil, false
	w.failed = removeFailure(w.failed, op.key)
	if op.after != nil {
		op.after(msg.err)
	}
	if msg.err != nil {
		f := saveFailure{key: op.key, what: op.what, given: op.given, where: op.where, why: said(msg.err), brief: saidBriefly(msg.err)}
		if unreached(msg.err) && op.bind != nil {
			again := op
			again.again = true
			f.again = &again
		}
		w.failed = append(w.failed, f)
		w.giveUp = w.giveUp || errors.Is(msg.err, errNoAnswer)
		return
	}
	w.saved++
	w.retries, w.unread = 0, ""
	w.serverAnswered()
}

// keepBehindConflict says op not sent, behind a conflict on its thing
// (saveOp.behind), at once: nothing of it reaches the store, so nothing
// can come between.
func (w *saver) keepBehindConflict(op saveOp) {
	w.failed = removeFailure(w.failed, op.key)
	w.failed = append(w.failed, saveFailure{key: op.key, what: op.what, given: op.given, where: op.where, why: said(errBehindConflict)})
	if op.after != nil {
		op.after(errBehindConflict)
	}
}

// withdraw forgets the write of key, queued, held or failed: its change
// is given again as a new one (plan_chain.go).
func (w *saver) withdraw(key string) {
	w.failed = removeFailure(w.failed, key)
	ofKey := func(op saveOp) bool { return op.key == key }
	w.queue = slices.DeleteFunc(w.queue, ofKey)
	w.held = slices.DeleteFunc(w.held, ofKey)
}

// explain says why again for the failure of the write of key, as what
// stood against it has changed.
func (w *saver) explain(key, why string) {
	for i := range w.failed {
		if w.failed[i].key == key {
			w.failed[i].why, w.failed[i].brief = why, ""
		}
	}
}

// retryUnreached queues again, in the order they were first given, the
// writes that failed for want of the database, now that it answers. Each
// is made over the answer as the writes before it leave it (bind), so a
// colleague's answer saved meanwhile is met as a conflict, not replaced.
// Its failure stays said until the write ends. The writes held behind
// them (holds) follow, in the order they were given.
func (w *saver) retryUnreached() {
	w.retryComing, w.retryTick = false, 0
	for _, f := range w.failed {
		if f.again == nil || w.writing(f.key) {
			continue
		}
		w.queue = append(w.queue, *f.again)
	}
	w.queue = append(w.queue, w.held...)
	w.held = nil
}

// unreachedKeys are the keys of the writes retryUnreached would make.
func (w *saver) unreachedKeys() map[string]bool {
	keys := map[string]bool{}
	for _, f := range w.failed {
		if f.again != nil {
			keys[f.key] = true
		}
	}
	return keys
}

// settle forgets the failure of the write of key: what it would have
// set was given up (the other person's answer kept).
func (w *saver) settle(key string) { w.failed = removeFailure(w.failed, key) }

// writing reports whether a write of key is queued or running.
func (w *saver) writing(key string) bool {
	if w.running != nil && w.running.key == key {
		return true
	}
	for _, op := range w.queue {
		if op.key == key {
			return true
		}
	}
	return false
}

func removeFailure(fs []saveFailure, key string) []saveFailure {
	out := fs[:0]
	for _, f := range fs {
		if f.key != key {
			out = append(out, f)
		}
	}
	return out
}

// afterWrites runs a read of the store once the writes queued before it
// are done; the root model lets it go.
func (w *saver) afterWrites(read tea.Cmd) tea.Cmd {
	if read == nil || !w.pending() {
		return read
	}
	w.reads = append(w.reads, read)
	return nil
}

// releaseReads lets the sign-off waiting go once the writes before it
// are done, and the waiting reads once nothing is pending.
func (w *saver) releaseReads() tea.Cmd {
	if (w.sign != nil || w.explanation != nil) && !w.writesPending() {
		record := tea.Batch(w.sign, w.explanation)
		w.sign, w.explanation = nil, nil
		return record
	}
	if w.pending() || len(w.reads) == 0 {
		return nil
	}
	reads := w.reads
	w.reads = nil
	return tea.Batch(reads...)
}

// status is the save status in one phrase: what was not saved, else
// whether writes are running or done.
func (w *saver) status() string {
	if p := w.problem(); p != "" {
		return p
	}
	return w.progress()
}

// progress says whether writes are running, or all saved.
func (w *saver) progress() string {
	switch {
	case w.pending():
		return "saving…"
	case w.saved > 0 && w.problem() == "":
		return "saved ✓"
	}
	return ""
}

// problem names a change refused now, else the last change not saved,
// and how many others, then the write the database has not answered yet
// (waitingWords), then the read of the open assessment it did not answer
// (unread); empty when there is none. A refusal is the answer
// to the change just made (any write queued since clears it): an earlier
// write's failure, which may stay long after it (the server away for a
// while), is counted beside it rather than said instead of it.
func (w *saver) problem() string {
	var said []string
	for _, p := range []string{w.failure(), w.waitingWords(), w.unread, w.undated} {
		if p != "" {
			said = append(said, p)
		}
	}
	return strings.Join(said, "; ")
}

// failure is problem's refusal or failure, without the write waiting.
func (w *saver) failure() string {
	switch {
	case w.refused != "" && len(w.failed) > 0:
		changes := "earlier change"
		if len(w.failed) > 1 {
			changes += "s"
		}
		return fmt.Sprintf("not saved: %s (and %d %s not saved)", w.refused, len(w.failed), changes)
	case len(w.failed) > 0:
		f := w.failed[len(w.failed)-1]
		text := "not saved: " + f.what + ": " + cmp.Or(f.brief, f.why)
		if n := len(w.failed) - 1; n > 0 {
			text += fmt.Sprintf(" (and %d more)", n)
		}
		return text + w.retriesSpentWords()
	case w.refused != "":
		return "not saved: " + w.refused
	}
	return ""
}

// unsaved lists every change not confirmed as saved: refused, not
// answered in time, or still waiting. Said when the program ends.
func (w *saver) unsaved() []string {
	var out []string
	for _, f := range w.failed {
		if f.where == "" {
			out = append(out, named(f.what, f.given)+": "+f.why)
			continue
		}
		out = append(out, f.where+": "+named(f.what, f.given)+": "+f.why)
	}
	if w.creating != "" {
		out = append(out, w.creating+": still being created as assay left: assay list shows whether it was")
	}
	switch {
	case w.sign != nil:
		out = append(out, w.signing+": not signed: it waited for the writes before it as assay left")
	case w.signing != "":
		out = append(out, w.signing+": still being recorded as assay left: assay history shows whether it was")
	}
	for _, what := range w.archiving {
		out = append(out, what+": still being recorded as assay left: assay list --all shows whether it was")
	}
	switch {
	case w.explanation != nil:
		out = append(out, w.explaining+": not recorded: it waited for the writes before it as assay left")
	case w.explaining != "":
		out = append(out, w.explaining+": still being recorded as assay left: assay history shows whether it was")
	}
	if op := w.running; op != nil {
		out = append(out, op.where+": "+named(op.what, op.given)+": still being written")
	}
	for _, op := range w.queue {
		out = append(out, op.where+": "+named(op.what, op.given)+": not written yet")
	}
	for _, op := range w.held {
		out = append(out, op.where+": "+named(op.what, op.given)+": not written yet: it waited for an earlier change to be made again")
	}
	for _, u := range w.untyped {
		out = append(out, u.Notice())
	}
	return out
}

// waiting is how many writes are queued or running.
func (w *saver) waiting() int {
	n := len(w.queue)
	if w.running != nil {
		n++
	}
	if w.creating != "" {
		n++
	}
	if w.signing != "" {
		n++
	}
	if w.explaining != "" {
		n++
	}
	return n + len(w.archiving)
}
