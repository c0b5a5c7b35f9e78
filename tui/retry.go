package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A write that failed for want of the database (saver.retryUnreached) is
// kept on the screen as a change to make again, and it is made again at
// a moment the workspace knows of, never left waiting for a change the
// watcher may never report:
//   - the watcher hears the server again: after the open assessment is
//     read (which finds the writes that went through after all), or at
//     once with none open, or when that read fails or brings another
//     assessment (the analyst opened it first);
//   - the server answers this window: a write or a read of the open
//     assessment goes through (serverAnswered), whatever the schedule
//     says;
//   - another change is given to an item with a change kept (holds):
//     the kept one goes first, at once;
//   - the watcher never lost the server (a write that timed out on a hung
//     disk or server), or there is no watcher: on a schedule, retryAfter
//     and then twice as long each time, maxRetries times since a write
//     last succeeded; after that the status line says the change is sent
//     again with the next one given, and it is (enqueue).
//
// However it comes, a write made again is made over what the server
// holds then, never blind: an answer the server recorded after all is
// not written twice (saveOp.stored), and one a colleague changed
// meanwhile is met as a conflict by the store.
//
// Changes to one thing reach the server in the order they were made: a
// later change to a plan item is made over the earlier ones still to
// make (planOver), so it is never sent before an earlier one kept to
// make again is recorded or refused for good. Given while that one waits
// for the read on its way, it is held until it is queued (holds); sent
// ahead of it, the earlier one failed again, it is not sent (saver.start,
// errKeptBehind) but kept behind it, and both go, in order, when the
// server next answers. Sent first, it met this window's own change,
// which the store did not hold, as someone else's conflict ("changed by
// someone at 0001-01-01"), or the older value, made again after it, was
// written over it. An earlier one refused for good is taken off, and the
// later ones are made over what it was made over (rebaseAfterRefused).
// An answer given again replaces the one kept, whole: it is sent as
// given, made over the answer last seen stored, or over the one kept when
// the store holds it (recorded, its answer lost on the way back), which
// it met as someone else's otherwise.

// maxRetries is how many times the schedule makes the kept writes again
// before it leaves them to the next change given.
const maxRetries = 3

// defaultRetryAfter is the schedule's first wait: long enough for a
// restarting server or a disk that stalled to come back, short enough
// that the analyst sees the change saved while still on the call.
const defaultRetryAfter = 10 * time.Second

// retryDueMsg says the retry schedule's time has come for the tick gen
// (saver.retryTick): a tick made stale by a retry made since is ignored.
type retryDueMsg struct{ gen int }

func (d Deps) retryAfter() time.Duration {
	if d.RetryAfter > 0 {
		return d.RetryAfter
	}
	return defaultRetryAfter
}

// thingOf is what a write's key sets: the answer to one question, or one
// plan item, whose changes each have a key of their own ("3 plan
// attestation #2").
func thingOf(key string) string {
	if i := strings.LastIndex(key, " #"); i >= 0 && strings.Contains(key, " plan ") {
		return key[:i]
	}
	return key
}

// owes reports whether a write that failed for want of the database
// and is not queued again yet sets thing, other than the write of key
// (an answer given again replaces its own); "" asks about any thing.
func (w *saver) owes(thing, key string) bool {
	for _, f := range w.failed {
		if f.again != nil && (thing == "" || thingOf(f.key) == thing) && f.key != key && !w.writing(f.key) {
			return true
		}
	}
	return false
}

// keeps reports whether the write of key failed for want of the
// database and is kept to make again.
func (w *saver) keeps(key string) bool {
	for _, f := range w.failed {
		if f.key == key && f.again != nil {
			return true
		}
	}
	return false
}

// holds reports whether op waits for an earlier change to its thing to be
// made again, which is coming with the read of the open assessment on
// its way. Otherwise the kept changes are queued now, ahead of op: with
// the schedule spent, whatever op changes; with its tick still to come,
// when op changes a thing with a change kept, rather than leave the
// analyst's change waiting for a tick up to 40 s away. An answer given
// again is not held: it replaces the one kept (saver.done), whole.
func (w *saver) holds(op saveOp) bool {
	if w.away != "" {
		// Not sent meanwhile (start): each is kept, and all are made
		// again in the order they were given.
		return false
	}
	thing := thingOf(op.key)
	if w.retryTick != 0 {
		// The schedule's tick is still to come: a change to another
		// thing goes on its own (and, answered, sends the kept ones:
		// serverAnswered); one to a thing with a change kept sends the
		// kept ones first, at once.
		if w.owes(thing, op.key) {
			w.retryUnreached()
		}
		return false
	}
	if w.retryComing {
		if w.owes(thing, op.key) {
			return true
		}
		for _, h := range w.held {
			if thingOf(h.key) == thing {
				return true
			}
		}
		return false
	}
	if w.owes("", op.key) {
		w.retryUnreached()
	}
	return false
}

// releaseHeld queues the held writes whose thing no longer waits for an
// earlier change (settled: the store held it after all).
func (w *saver) releaseHeld() {
	if len(w.held) == 0 {
		return
	}
	kept := w.held[:0]
	for _, op := range w.held {
		if w.owes(thingOf(op.key), op.key) {
			kept = append(kept, op)
			continue
		}
		w.queue = append(w.queue, op)
	}
	w.held = kept
}

// scheduleRetry asks for the kept writes to be made again in a while,
// when they failed though the watcher still hears the server (or there
// is no watcher): nothing else might make them again.
func (w *saver) scheduleRetry(d Deps) tea.Cmd {
	if w.away != "" || w.retryComing || w.retryTick != 0 || w.retries >= maxRetries || !w.owes("", "") {
		return nil
	}
	wait := d.retryAfter() << w.retries
	w.retryGen++
	w.retryTick = w.retryGen
	w.retries++
	gen := w.retryGen
	return tea.Tick(wait, func(time.Time) tea.Msg { return retryDueMsg{gen: gen} })
}

// serverAnswered makes the kept writes again now that the server answered
// this window (a write or a read went through), rather than at their
// schedule's tick, up to 40 s away, or at the next change given.
func (w *saver) serverAnswered() {
	if w.away == "" && w.owes("", "") {
		w.retryUnreached()
	}
}

// retriesSpentWords says, after the status line's failure, that the
// schedule made the kept writes again as often as it does, and when they
// go next; "" while a retry is still coming.
func (w *saver) retriesSpentWords() string {
	if w.away != "" || w.retryComing || w.retryTick != 0 || w.retries < maxRetries || !w.owes("", "") {
		return ""
	}
	return fmt.Sprintf("; made again %d times with no answer: it is sent again with your next change", maxRetries)
}

// retryDue makes the kept writes again, now that the schedule's time has
// come: after the open assessment is read, or at once with none open.
// While the watcher says the server is away, its return does it.
func (m Model) retryDue(msg retryDueMsg) (Model, tea.Cmd) {
	w := m.sh.saves
	if msg.gen != w.retryTick {
		return m, nil // a retry was made since
	}
	w.retryTick = 0
	if w.away != "" || m.quitting || !w.owes("", "") {
		return m, nil
	}
	if m.sh.sess != nil {
		w.retryComing = true
		return m, m.sh.refresh()
	}
	w.retryUnreached()
	return m, nil
}
