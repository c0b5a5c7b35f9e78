package synth_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
)

// BenchmarkVerifyPortfolio runs a full assay verify of the default
// database (10,000 assessments, 1,000,000 answers and their trails, 1,000
// subjects): the schema, the ledger and its signatures, every snapshot,
// chain, answer, field and signed head, and every summary scored again.
// Each run gets a fresh handle, as assay verify has. The database's
// ledger is short (the synthetic copies are signed by one checkpoint), so
// this is the cost of everything but signatures: a real portfolio of this
// size has one signed entry per change, checked on every core.
func BenchmarkVerifyPortfolio(b *testing.B) {
	path, err := synth.Cached(synth.Default)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		db, err := store.Open(path, questionnaires.Decode)
		if err != nil {
			b.Fatal(err)
		}
		db.UseKey(synth.Key)
		res, err := db.Verify(context.Background(), 0)
		db.Close()
		if err != nil || res.Broken != nil {
			b.Fatalf("verify: %v %v", res.Broken, err)
		}
		b.ReportMetric(float64(res.Records), "records")
		b.ReportMetric(float64(res.Entries), "entries")
	}
}
