package tui_test

import (
	"context"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// hungStamps is the test's store whose reads of who set a plan item's
// fields hang while its gate is silent, deaf to their context, as on a
// team server that accepts and never answers, until let go.
type hungStamps struct {
	*store.DB
	*silentGate
}

func newHungStamps(t *testing.T, db *store.DB) *hungStamps {
	return &hungStamps{DB: db, silentGate: newSilentGate(t)}
}

func (h *hungStamps) PlanFieldStamps(ctx context.Context, id int64, key string) (map[assess.PlanField]assess.FieldStamp, error) {
	h.holdWhileSilent("who set the plan's fields")
	return h.DB.PlanFieldStamps(ctx, id, key)
}

// hungStampsDeps are the workspace's deps following others' changes,
// over hungStamps, with a write deadline of a second.
func hungStampsDeps(e *env) (tui.Deps, *hungStamps) {
	d := e.watchingDeps()
	repo := newHungStamps(e.t, e.db)
	d.Repo, d.SaveTimeout = repo, time.Second
	return d, repo
}
