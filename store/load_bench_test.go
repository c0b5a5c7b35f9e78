package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
)

// Loading an assessment of 2,000 questions, every one answered with a
// note: Assessment (the row, the questionnaire snapshot, the answers,
// plan edits and sign-offs) on a store handle and a questionnaires.Decoder
// opened for the load, as a new assay process opens them. The Decoder's
// folder holds the compiled form an earlier process left, as it does
// from the second command on. Target: under 20 ms.
//
// parse-ns/op is the same load with a Decoder that has no folder, so
// that it parses the questionnaire's YAML, as every load did before the
// compiled forms: the ratio of the two, in one run, is what they save.
func BenchmarkLoadAssessment2000(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "assay.db")
	compiled := filepath.Join(dir, "compiled")
	var id int64
	{
		db, err := store.Open(path, questionnaires.NewDecoder(compiled).Decode)
		if err != nil {
			b.Fatal(err)
		}
		q, err := questionnaires.Decode("big.yaml", synth.Questionnaire(0, 2000))
		if err != nil {
			b.Fatal(err)
		}
		ctx := assess.WithActor(context.Background(), "Bench")
		a := &assess.Assessment{Subject: "Bench Vendor Ltd", Reviewer: "Bench", Questionnaire: q, AssessedOn: assess.NewDate(2026, 3, 1)}
		if err := db.CreateAssessment(ctx, a); err != nil {
			b.Fatal(err)
		}
		if err := db.SaveAnswers(ctx, a.ID, synth.Answers(q, 1)); err != nil {
			b.Fatal(err)
		}
		id = a.ID
		// The first load leaves the compiled form.
		if _, err := db.Assessment(ctx, id); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	load := func(dir string) time.Duration {
		db, err := store.Open(path, questionnaires.NewDecoder(dir).Decode)
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		t0 := time.Now()
		a, err := db.Assessment(context.Background(), id)
		d := time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Answers) != 2000 || len(a.Questionnaire.Questions) != 2000 {
			b.Fatalf("%d answers, %d questions", len(a.Answers), len(a.Questionnaire.Questions))
		}
		return d
	}
	var cached, parsed time.Duration
	for i := 0; i < b.N; i++ {
		cached += load(compiled)
		parsed += load("")
	}
	b.ReportMetric(float64(cached.Nanoseconds())/float64(b.N), "ns/op")
	b.ReportMetric(float64(parsed.Nanoseconds())/float64(b.N), "parse-ns/op")
	b.ReportMetric(float64(parsed)/float64(cached), "parse/compiled")
}
