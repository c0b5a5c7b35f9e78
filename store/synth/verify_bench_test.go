package synth_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
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
	res, cpu := verifyRounds(b, path, store.VerifyOptions{})
	b.ReportMetric(float64(res.Records), "records")
	reportVerify(b, res, res.Records, cpu)
}

// verifyRounds runs the benchmark's rounds of a verify, each on a fresh
// handle as assay verify has, and returns the last result and the CPU
// time of all of them.
func verifyRounds(b *testing.B, path string, o store.VerifyOptions) (store.VerifyResult, time.Duration) {
	var res store.VerifyResult
	cpu0 := cpuTime()
	for b.Loop() {
		db, err := store.Open(path, questionnaires.Decode)
		if err != nil {
			b.Fatal(err)
		}
		db.UseKey(synth.Key)
		res, err = db.VerifyWith(context.Background(), o)
		db.Close()
		if err != nil || res.Broken != nil || (o.Incremental && res.Since == nil) {
			b.Fatalf("verify: %v %v (%s)", res.Broken, err, res.FullWhy)
		}
	}
	return res, cpuTime() - cpu0
}

// reportVerify reports the time per audit record of a database of
// records, the time at 10,000 assessments and the CPU time of a round.
func reportVerify(b *testing.B, res store.VerifyResult, records int, cpu time.Duration) {
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(res.Entries), "entries")
	b.ReportMetric(perOp/float64(records), "ns/record")
	b.ReportMetric(perOp/1e9*10_000/float64(res.Assessments), "s-at-10k")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkVerifyIncremental is an incremental verify (assay verify
// --incremental) of the default database after a full verify recorded a
// checkpoint and 100 assessments each had an answer saved since. It runs
// on a copy, made before the timer starts, so that the cached database
// stays as built; ns/record is per audit record in the database, as in
// BenchmarkVerify, for comparison.
func BenchmarkVerifyIncremental(b *testing.B) { benchmarkVerifyIncremental(b, synth.Default) }

// BenchmarkVerifyIncremental100k is BenchmarkVerifyIncremental on
// 100,000 assessments; its setup copies about 5 GiB and runs a full
// verify.
func BenchmarkVerifyIncremental100k(b *testing.B) { benchmarkVerifyIncremental(b, synth.Large) }

const changedSince = 100

func benchmarkVerifyIncremental(b *testing.B, c synth.Config) {
	cached, err := synth.Cached(c)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "assay.db")
	if err := copyFile(cached, path); err != nil {
		b.Fatal(err)
	}
	ctx := assess.WithActor(context.Background(), "Synth Analyst")
	db, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		b.Fatal(err)
	}
	db.UseKey(synth.Key)
	full, err := db.VerifyWith(ctx, store.VerifyOptions{Checkpoint: true})
	if err != nil || full.Broken != nil || full.Recorded == nil {
		b.Fatalf("full verify: %v %v", full.Broken, err)
	}
	for i := range changedSince {
		id := int64(1 + i*(c.Assessments/changedSince))
		a, err := db.Assessment(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		if a.Status != assess.Draft {
			continue
		}
		q := a.Questionnaire.Questions[0]
		if err := db.SaveAnswer(ctx, id, assess.Answer{QuestionID: q.ID, Value: a.Answers[q.ID].Value, Note: "changed since the checkpoint"}); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	b.ResetTimer()
	res, cpu := verifyRounds(b, path, store.VerifyOptions{Incremental: true})
	b.ReportMetric(float64(res.Changed), "changed")
	reportVerify(b, res, full.Records, cpu)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
