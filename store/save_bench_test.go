package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Saving one answer durably (SaveAnswer: validate, write, audit record,
// summary, commit with synchronous=FULL) against a bare INSERT and commit
// through the same connection, driver and pragmas, interleaved in the same
// run so that both see the same disk. Target: save/bare within 1.5x.
//
// Two bare commits are timed: the INSERT as database/sql runs it when
// given the text (bare, which the target is judged on), and the same
// INSERT prepared once (bare-prepared), as the store prepares its own
// statements: save/bare-prepared is the stricter ratio.
//
// The interview saves one answer after another, so each save after the
// first finds the assessment in the save cache. BenchmarkSaveAnswerUncached
// times the save that does not: the first one after another window wrote.
func BenchmarkSaveAnswer(b *testing.B) { benchmarkSave(b, false) }

// BenchmarkSaveAnswerUncached is BenchmarkSaveAnswer with the save cache
// emptied before every save, which then reads the whole assessment.
func BenchmarkSaveAnswerUncached(b *testing.B) { benchmarkSave(b, true) }

func benchmarkSave(b *testing.B, uncached bool) {
	db, err := Open(filepath.Join(b.TempDir(), "assay.db"), questionnaires.Decode)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.UseKey(testKey)
	q := rtVendorScreen(b)
	ctx := assess.WithActor(context.Background(), "Bench")
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", Questionnaire: q}
	if err := db.CreateAssessment(ctx, a); err != nil {
		b.Fatal(err)
	}
	if _, err := db.sql.Exec(`CREATE TABLE bench_bare (k INTEGER PRIMARY KEY, v TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	const insert = `INSERT INTO bench_bare (k, v) VALUES (?, ?)`
	prepared, err := db.sql.Prepare(insert)
	if err != nil {
		b.Fatal(err)
	}
	defer prepared.Close()
	var control string
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeControl {
			control = qq.ID
			break
		}
	}
	bare := func(k int, exec func(tx *sql.Tx) (sql.Result, error)) {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := exec(tx); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	const value = `{"choices":["yes"]}`
	save := func(i int) {
		v := []string{"yes", "no"}[i%2]
		if err := db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: control, Value: assess.Value{Choices: []string{v}}}); err != nil {
			b.Fatal(err)
		}
	}
	// The pages each commit appends to the write-ahead log, counted on a
	// save that updates an answer (the first save of the loop does too),
	// before the timer starts.
	save(1)
	frames := walFrames(b, db)
	savePages := frames(func() { save(2) })
	barePages := frames(func() {
		bare(-1, func(tx *sql.Tx) (sql.Result, error) { return tx.Exec(insert, -1, value) })
	})
	var saveT, bareT, prepT time.Duration
	var saves, bares, preps []time.Duration
	i := 0
	for b.Loop() {
		i++
		if uncached {
			db.saves.take(a.ID)
		}
		t0 := time.Now()
		save(i)
		t1 := time.Now()
		bare(2*i, func(tx *sql.Tx) (sql.Result, error) { return tx.Exec(insert, 2*i, value) })
		t2 := time.Now()
		bare(2*i+1, func(tx *sql.Tx) (sql.Result, error) { return tx.Stmt(prepared).Exec(2*i+1, value) })
		t3 := time.Now()
		saves, bares, preps = append(saves, t1.Sub(t0)), append(bares, t2.Sub(t1)), append(preps, t3.Sub(t2))
		saveT += t1.Sub(t0)
		bareT += t2.Sub(t1)
		prepT += t3.Sub(t2)
	}
	// Reported after the loop: b.Loop's first call clears what was
	// reported before it.
	b.ReportMetric(savePages, "wal-pages/save")
	b.ReportMetric(barePages, "wal-pages/bare")
	b.ReportMetric(float64(saveT.Nanoseconds())/float64(i), "save-ns/op")
	b.ReportMetric(float64(bareT.Nanoseconds())/float64(i), "bare-ns/op")
	b.ReportMetric(float64(saveT)/float64(bareT), "save/bare")
	b.ReportMetric(float64(saveT)/float64(prepT), "save/bare-prepared")
	// The same ratios of medians: another process's burst of disk writes
	// stretches a few commits by milliseconds, which moves a ratio of
	// totals more than it moves a ratio of typical commits.
	b.ReportMetric(float64(median(saves))/float64(median(bares)), "p50-save/bare")
	b.ReportMetric(float64(median(saves))/float64(median(preps)), "p50-save/bare-prepared")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// walFrames returns a counter of the pages a write appends to db's
// write-ahead log: it empties the log (a checkpoint that truncates it),
// runs the write, and counts the frames the log then holds.
func walFrames(b *testing.B, db *DB) func(write func()) float64 {
	var pageSize int64
	if err := db.sql.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		b.Fatal(err)
	}
	return func(write func()) float64 {
		var busy, logged, moved int
		if err := db.sql.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &moved); err != nil || busy != 0 {
			b.Fatalf("emptying the write-ahead log: busy %d, %v", busy, err)
		}
		write()
		st, err := os.Stat(db.path + "-wal")
		if err != nil {
			b.Fatal(err)
		}
		const walHeader, frameHeader = 32, 24
		return float64((st.Size() - walHeader) / (pageSize + frameHeader))
	}
}
