package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// BenchmarkHistory times AuditHistory (verify, then read every record as
// an entry with its old values) on one assessment's trail of 500 and of
// 4,000 records: answers changed again and again, each with a note. The
// time a record (ns/record) should stay about the same from one size to
// the other: a trail read in quadratic time would take eight times as
// long a record at 4,000 as at 500.
func BenchmarkHistory(b *testing.B) {
	for _, n := range []int{500, 4000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			db, id := historyBenchDB(b, n)
			defer db.Close()
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				_, entries, err := db.AuditHistory(ctx, id)
				if err != nil {
					b.Fatal(err)
				}
				if len(entries) != n+1 {
					b.Fatalf("%d entries, want %d", len(entries), n+1)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n+1), "ns/record")
		})
	}
}

// historyBenchDB is a database holding one vendor screen whose choice
// questions were answered n times in all, round and round, by two people.
func historyBenchDB(b *testing.B, n int) (*DB, int64) {
	b.Helper()
	db, err := Open(filepath.Join(b.TempDir(), "assay.db"), questionnaires.Decode)
	if err != nil {
		b.Fatal(err)
	}
	db.UseKey(testKey)
	db.SetVerifyDecoder(questionnaires.Decode)
	q := rtVendorScreen(b)
	ctx := context.Background()
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", Questionnaire: q}
	if err := db.CreateAssessment(assess.WithActor(ctx, "Dana Ruiz"), a); err != nil {
		b.Fatal(err)
	}
	var choices []*assess.Question
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeControl && len(qq.Options) > 1 {
			choices = append(choices, qq)
		}
	}
	for i := range n {
		qq := choices[i%len(choices)]
		opt := qq.Options[(i/len(choices))%len(qq.Options)]
		who := []string{"Dana Ruiz", "Sam Lee"}[i%2]
		ans := assess.Answer{QuestionID: qq.ID, Value: assess.Value{Choices: []string{opt.Value}}, Note: fmt.Sprintf("Round %d.\nChecked with the vendor.", i)}
		if err := db.SaveAnswer(assess.WithActor(ctx, who), a.ID, ans); err != nil {
			b.Fatal(err)
		}
	}
	return db, a.ID
}
