package synth_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
)

// BenchmarkVerify runs a full assay verify of the default database
// (10,000 assessments, 1,000,000 answers and their trails, 1,000
// subjects): the schema, the ledger and its signatures, every snapshot,
// chain, answer, field and signed head, and every summary scored again.
// Each run gets a fresh handle, as assay verify has, and decodes the
// snapshots from their YAML, as verify does. It reports the time per
// audit record (ns/record) and the time at 10,000 assessments
// (s-at-10k: the whole run here). The database's ledger is short (the
// synthetic copies are signed by one checkpoint), so this is the cost
// of everything but signatures: a real portfolio of this size has one
// signed entry per change, checked on every core.
func BenchmarkVerify(b *testing.B) { benchmarkVerify(b, synth.Default) }

// BenchmarkVerify100k is BenchmarkVerify on 100,000 assessments (the
// database every …100k benchmark builds on its first run, about 5 GiB).
func BenchmarkVerify100k(b *testing.B) { benchmarkVerify(b, synth.Large) }

func benchmarkVerify(b *testing.B, c synth.Config) {
	path, err := synth.Cached(c)
	if err != nil {
		b.Fatal(err)
	}
	var res store.VerifyResult
	for b.Loop() {
		db, err := store.Open(path, questionnaires.Decode)
		if err != nil {
			b.Fatal(err)
		}
		db.UseKey(synth.Key)
		res, err = db.Verify(context.Background(), 0)
		db.Close()
		if err != nil || res.Broken != nil {
			b.Fatalf("verify: %v %v", res.Broken, err)
		}
	}
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(res.Records), "records")
	b.ReportMetric(float64(res.Entries), "entries")
	b.ReportMetric(perOp/float64(res.Records), "ns/record")
	b.ReportMetric(perOp/1e9*10_000/float64(res.Assessments), "s-at-10k")
}
