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
	state := shownName(target) + " is as it was"
	if created {
		state = shownName(target) + " was not created"
	}
	fmt.Fprintf(a.stderr, "assay: migrate %s was interrupted, so nothing was copied: %s; running assay migrate %s again starts afresh\n",
		flag, state, flag)
	interruptSaid.Store(true)
	return exitError{code: 130, silent: true}
}
