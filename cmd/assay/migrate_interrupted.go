package main

import (
	"context"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// An assay migrate stopped by Ctrl-C or SIGTERM said what the driver was
// doing then ("copying events into ...: context canceled"), and then
// main's general "interrupted; every change assay confirmed is saved",
// which does not tell a person moving a portfolio what became of it. The
// copy is one transaction on the target, rolled back when the context is
// cancelled, and a new file is built beside its name and removed: so it
// says that, once.

// interruptedMigrate is what assay migrate says when ctx was cancelled
// while it copied into target (a file, or a team database's shown name),
// err being what the copy returned; nil when it was not interrupted, or
// when err already tells of a copy whose outcome assay cannot know (a
// team database lost as the copy was committed: that message says how to
// find out, and stands). created is whether the file is one being made.
func (a *app) interruptedMigrate(ctx context.Context, err error, flag, target string, created bool) error {
	if err == nil || ctx.Err() == nil || assess.ErrorCode(err) == assess.EUnavailable {
		return nil
	}
	fmt.Fprintln(a.stderr, migrateInterrupted(flag, target, created))
	interruptSaid.Store(true)
	return exitError{code: 130, silent: true}
}

// migrateInterrupted is what an interrupted assay migrate says of the
// target it was copying into.
func migrateInterrupted(flag, target string, created bool) string {
	state := shownName(target) + " is as it was"
	if created {
		state = shownName(target) + " was not created"
	}
	return fmt.Sprintf("assay: migrate %s was interrupted, so nothing was copied: %s; running assay migrate %s again starts afresh",
		flag, state, flag)
}

// sayIfInterrupted has an interruption that ends assay before the copy
// into target returns (one that does not stop within interruptGrace, or
// that stops it before the copy begins) say what interruptedMigrate
// would. withdraw takes those words back; it is called as the target may
// come to hold the copy (its commit begins, or a new file is put in
// place), after which only the copy's own outcome says whether it does.
func sayIfInterrupted(flag, target string, created bool) (withdraw func()) {
	words := migrateInterrupted(flag, target, created)
	interruptLeaves.Store(&words)
	return func() { interruptLeaves.CompareAndSwap(&words, nil) }
}
