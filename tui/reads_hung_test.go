package tui_test

import (
	"context"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/tui"
)

// The workspace's other reads, each made by a key, had no deadline: on a
// server that accepts and never answers, C (compare with the previous),
// h (the audit trail) and m (the report's record line) waited for as
// long, and nothing said why nothing came. Each now has the write's
// deadline (withinDeadline), and once it and the watchdog's quarter have
// passed, says what was not read and why; the screen it was asked from
// still works.
func TestHungReadsAskedForByAKeyAreGivenUpAndSaid(t *testing.T) {
	for _, c := range []struct {
		name, key, words string
		hang             func(d *tui.Deps, repo *faultyRepo, first int64, server *silentGate)
	}{
		{"the comparison", "C", "The comparison was not read: no answer from the database within 1.25s",
			func(_ *tui.Deps, repo *faultyRepo, first int64, _ *silentGate) { repo.heldReads.Store(first) }},
		{"the audit trail", "h", "The audit trail of #2 Payroll system was not read: no answer from the database within 1.25s",
			func(d *tui.Deps, _ *faultyRepo, _ int64, server *silentGate) {
				read := d.History
				d.History = func(ctx context.Context, id int64) (history.Verdict, []history.Entry, error) {
					server.hold("the read")
					return read(ctx, id)
				}
			}},
		{"the report's record line", "m", "the report's record line could not be read: no answer from the database within 1.25s",
			func(d *tui.Deps, _ *faultyRepo, _ int64, server *silentGate) {
				read := d.PinnedAssessment
				d.PinnedAssessment = func(ctx context.Context, id int64) (*assess.Assessment, ledger.Pin, assess.PlanStamps, error) {
					server.hold("the read")
					return read(ctx, id)
				}
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, first := payrollAnswered(t)
			second := e.createFrom("all-types.yaml", "Payroll system")
			answerAllTypes(t, e, second.ID)
			repo := newFaultyRepo(t, e.db)
			d := e.deps()
			d.Repo, d.SaveTimeout = repo, time.Second
			c.hang(&d, repo, first.ID, newSilentGate(t))
			f := e.startWith(d)
			f.waitFor("2 of 2", "Payroll system")
			f.press(c.key)
			f.waitFor(c.words)
			f.quit()
		})
	}
}
