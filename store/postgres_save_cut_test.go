package store

import (
	"context"
	"strings"
	"testing"
)

// A pipelined save that reads the ledger's tip first (another login wrote
// since this handle's last save) sends its writes in a first exchange,
// inside a transaction holding the tip's lock, and its entry and commit
// in a second. Its connection ended between the two, as the system ends
// a killed process's, leaves nothing of the save: the save says it
// failed, no audit record, entry or answer of it is on the server, the
// tip's lock is free again, and the save made again is recorded once.
func TestPipelinedSaveCutBetweenItsExchangesWritesNothing(t *testing.T) {
	// Another login wrote: the analyst's next save, signed on its own
	// tip, fails its check and is done again; the one after reads the
	// tip first.
	ana, bo, as, raw := tipMovedUnderAnalyst(t)
	ctx := context.Background()
	if err := ana.SaveAnswer(ctx, as[0].ID, choose(as[0], "yes")); err != nil {
		t.Fatal(err)
	}
	if ana.dialect.(*pgDialect).save.tipIsOurs.Load() {
		t.Fatal("after another login's write the handle still signs on its own tip")
	}
	records, entries, tip := ledgerCounts(t, raw, as[0].ID)
	cuts := 0
	cutBetweenSaveExchanges(t, ana, func(endConnection func()) {
		cuts++
		endConnection()
	})
	err := ana.SaveAnswer(ctx, as[0].ID, choose(as[0], "no"))
	if cuts != 1 {
		t.Fatalf("the save was cut %d times between its exchanges; want once", cuts)
	}
	if err == nil || !strings.Contains(err.Error(), "was lost") || !strings.Contains(err.Error(), "nothing was recorded") {
		t.Fatalf("a save whose connection ended before its commit was sent says %v; want that the connection was lost and nothing was recorded", err)
	}
	if r, e, tp := ledgerCounts(t, raw, as[0].ID); r != records || e != entries || tp != tip {
		t.Fatalf("the cut save left %d records and %d entries and moved the tip by %d", r-records, e-entries, tp-tip)
	}
	mustAnswer(t, ana, as[0].ID, "yes")
	// Made again, on another connection: were the cut transaction still
	// holding the tip's lock, this would wait for it.
	if err := ana.SaveAnswer(ctx, as[0].ID, choose(as[0], "no")); err != nil {
		t.Fatal(err)
	}
	if r, e, _ := ledgerCounts(t, raw, as[0].ID); r != records+1 || e != entries+1 {
		t.Fatalf("the save made again added %d records and %d entries; want one each", r-records, e-entries)
	}
	mustAnswer(t, ana, as[0].ID, "no")
	assertSound(t, ana)
	assertSound(t, bo)
}
