package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The team database's speed, on the server $ASSAY_TEST_POSTGRES names
// (skipped, saying so, without one). Each analyst is a login of their own
// with the analyst role, connected as assay connects (OpenTeam), signing
// with a key registered under their login.

// benchAnalysts opens n analysts' handles on a new team schema, each with
// an assessment of the built-in vendor security screen of its own, and
// returns them with the schema's superuser connection.
func benchAnalysts(b testing.TB, n int) ([]*DB, []*assess.Assessment, string, *sql.DB) {
	b.Helper()
	schemaDSN := teamSchema(b)
	admin := rawTeam(b, schemaDSN)
	q := rtVendorScreen(b)
	dbs := make([]*DB, n)
	as := make([]*assess.Assessment, n)
	for i := range dbs {
		// A name of its own on every run: logins belong to the server,
		// where another run (a benchmark beside the tests) may be making
		// and dropping its own at the same moment.
		dsn := teamLogin(b, schemaDSN, uniqueName(fmt.Sprintf("bench analyst %d", i)), "analyst")
		db, err := OpenTeam(dsn, questionnaires.Decode)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		useTestKeys(db)
		a := &assess.Assessment{Subject: fmt.Sprintf("Vendor %d", i), Questionnaire: q}
		if err := db.CreateAssessment(context.Background(), a); err != nil {
			b.Fatal(err)
		}
		dbs[i], as[i] = db, a
	}
	return dbs, as, schemaDSN, admin
}

// firstControl is the first control question of a questionnaire.
func firstControl(q *assess.Questionnaire) string {
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeControl {
			return qq.ID
		}
	}
	return ""
}

// BenchmarkTeamSaveAnswer is BenchmarkSaveAnswer on the team database:
// one durable answer save (validate, write, audit record, signed ledger
// entry, summary, commit; the server's triggers check the login and the
// lock) against a bare INSERT and commit by the same login through the
// same pool, interleaved in one run: one as database/sql sends it (BEGIN,
// INSERT, COMMIT, each a round trip), and one with the three sent at
// once through pgx's pipeline, as the save sends its statements.
// Target: save/bare within 1.5x.
func BenchmarkTeamSaveAnswer(b *testing.B) {
	dbs, as, _, admin := benchAnalysts(b, 1)
	db, a := dbs[0], as[0]
	if _, err := admin.Exec(`CREATE TABLE bench_bare (k BIGINT PRIMARY KEY, v TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	if _, err := admin.Exec(`GRANT INSERT ON bench_bare TO ` + pgx.Identifier{db.login}.Sanitize()); err != nil {
		b.Fatal(err)
	}
	// The grant is an object that depends on the login: the table goes
	// before the login is dropped (cleanups run last first), or the drop
	// fails and leaves the login on the server.
	b.Cleanup(func() { admin.Exec(`DROP TABLE bench_bare`) })
	ctx := context.Background()
	control := firstControl(a.Questionnaire)
	bare := func(k int) {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO bench_bare (k, v) VALUES (?, ?)`, k, `{"choices":["yes"]}`); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	// The stricter bare: the same INSERT with its BEGIN and COMMIT sent
	// in one exchange (pgx's pipeline), as the save sends its statements.
	barePipelined := func(k int) {
		err := db.withPgx(ctx, func(c *pgx.Conn) error {
			bt := &pgx.Batch{}
			bt.Queue("begin")
			bt.Queue(`INSERT INTO bench_bare (k, v) VALUES ($1, $2)`, k, `{"choices":["yes"]}`)
			bt.Queue("commit")
			return c.SendBatch(ctx, bt).Close()
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var saves, bares, pipelined []time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		v := []string{"yes", "no"}[i%2]
		if err := db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: control, Value: assess.Value{Choices: []string{v}}}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		bare(2 * i)
		t2 := time.Now()
		barePipelined(2*i + 1)
		t3 := time.Now()
		saves, bares, pipelined = append(saves, t1.Sub(t0)), append(bares, t2.Sub(t1)), append(pipelined, t3.Sub(t2))
	}
	saveT, bareT, pipelinedT := total(saves), total(bares), total(pipelined)
	b.ReportMetric(float64(saveT.Nanoseconds())/float64(i), "save-ns/op")
	b.ReportMetric(float64(bareT.Nanoseconds())/float64(i), "bare-ns/op")
	b.ReportMetric(float64(pipelinedT.Nanoseconds())/float64(i), "bare-pipelined-ns/op")
	b.ReportMetric(float64(saveT)/float64(bareT), "save/bare")
	b.ReportMetric(float64(median(saves))/float64(median(bares)), "p50-save/bare")
	b.ReportMetric(float64(saveT)/float64(pipelinedT), "save/bare-pipelined")
	b.ReportMetric(float64(median(saves))/float64(median(pipelined)), "p50-save/bare-pipelined")
}

// BenchmarkTeamEightAnalysts: eight analysts, each a login with a handle
// of its own, save answers to their own assessments at the same moment
// (every save appends to the one ledger, whose tip each takes in turn).
// Reported: saves per second across all eight, each save's latency at
// the median and the 99th percentile, and the 99th percentile against
// one analyst saving alone on the same server in the same run.
func BenchmarkTeamEightAnalysts(b *testing.B) {
	const analysts = 8
	dbs, as, _, _ := benchAnalysts(b, analysts)
	ctx := context.Background()
	save := func(w, i int) time.Duration {
		t0 := time.Now()
		v := []string{"yes", "no"}[i%2]
		if err := dbs[w].SaveAnswer(ctx, as[w].ID, assess.Answer{QuestionID: firstControl(as[w].Questionnaire), Value: assess.Value{Choices: []string{v}}}); err != nil {
			b.Error(err)
		}
		return time.Since(t0)
	}
	// Alone first: the same saves, one analyst at a time.
	var alone []time.Duration
	for i := range 40 {
		alone = append(alone, save(i%analysts, i))
	}
	var mu sync.Mutex
	var lat []time.Duration
	var elapsed time.Duration
	for b.Loop() {
		t0 := time.Now()
		var wg sync.WaitGroup
		for w := range analysts {
			wg.Go(func() {
				var mine []time.Duration
				for i := range 10 {
					mine = append(mine, save(w, i))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
		}
		wg.Wait()
		elapsed += time.Since(t0)
	}
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "saves/s")
	b.ReportMetric(float64(percentile(lat, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(lat, 99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(percentile(alone, 50).Microseconds())/1000, "alone-p50-ms")
	b.ReportMetric(float64(percentile(lat, 99))/float64(percentile(alone, 50)), "p99/alone-p50")
}

func total(ds []time.Duration) time.Duration {
	var t time.Duration
	for _, d := range ds {
		t += d
	}
	return t
}

// percentile is the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(min(i, len(s))-1, 0)]
}
