package tui

import (
	"context"
	"fmt"
	"time"
)

// withinDeadline runs call, a write or a read of the store, with the
// write deadline (Deps.saveTimeout) in its context, and returns what it
// returns; should the store not return (deaf to its context: a hung disk,
// a server that accepts and never answers), it stops waiting a quarter of
// the deadline after it (the watchdog) and says so. Either way the
// caller hears within the deadline and a quarter, whatever the store
// does: neither the write queue nor the retry of the kept changes, which
// waits for its read of the open assessment (retry.go), can wedge.
func withinDeadline[T any](d Deps, call func(ctx context.Context) (T, error)) (T, error) {
	return withinDeadlineOf(d.ctx(), d, call)
}

// withinDeadlineOf is withinDeadline under parent, a context of the
// caller's own (accessible mode's, which Ctrl-C ends).
func withinDeadlineOf[T any](parent context.Context, d Deps, call func(ctx context.Context) (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	limit := d.saveTimeout()
	ctx, cancel := context.WithTimeout(parent, limit)
	defer cancel()
	done := make(chan result, 1)
	go func() {
		v, err := call(ctx)
		done <- result{v, err}
	}()
	watchdog := time.NewTimer(limit + limit/4)
	defer watchdog.Stop()
	select {
	case r := <-done:
		if r.err != nil && ctx.Err() == context.DeadlineExceeded {
			r.err = fmt.Errorf("%w within %s", errNotInTime, limit)
		}
		return r.v, r.err
	case <-watchdog.C:
		var none T
		return none, fmt.Errorf("%w within %s", errNoAnswer, limit+limit/4)
	}
}
