package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Saving one answer durably (SaveAnswer: validate, write, audit record,
// summary, commit with synchronous=FULL) against a bare INSERT and commit
// through the same connection, driver and pragmas, interleaved in the same
// run so that both see the same disk. Target: save/bare within 1.5x.
func BenchmarkSaveAnswer(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "assay.db"), questionnaires.Decode)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	lib, err := questionnaires.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		b.Fatal("vendor-security-screen is missing")
	}
	ctx := assess.WithActor(context.Background(), "Bench")
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", Questionnaire: q}
	if err := db.CreateAssessment(ctx, a); err != nil {
		b.Fatal(err)
	}
	if _, err := db.sql.Exec(`CREATE TABLE bench_bare (k INTEGER PRIMARY KEY, v TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	var control string
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeControl {
			control = qq.ID
			break
		}
	}
	bare := func(i int) {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO bench_bare (k, v) VALUES (?, ?)`, i, `{"choices":["yes"]}`); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	var saveT, bareT time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		v := []string{"yes", "no"}[i%2]
		if err := db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: control, Value: assess.Value{Choices: []string{v}}}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		bare(i)
		saveT += t1.Sub(t0)
		bareT += time.Since(t1)
	}
	b.ReportMetric(float64(saveT.Nanoseconds())/float64(i), "save-ns/op")
	b.ReportMetric(float64(bareT.Nanoseconds())/float64(i), "bare-ns/op")
	b.ReportMetric(float64(saveT)/float64(bareT), "save/bare")
}
