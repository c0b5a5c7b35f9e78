package store

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The pipelined save on the server (postgres_save.go) by real logins,
// each with a handle of its own: the contract suite acts as many people
// with one handle, where saves take the transaction path.

// choose is an answer to the first control question of a.
func choose(a *assess.Assessment, v string) assess.Answer {
	return assess.Answer{QuestionID: firstControl(a.Questionnaire), Value: assess.Value{Choices: []string{v}}}
}

// ledgerCounts are the rows a save adds to: the assessment's audit
// records, the ledger's entries and its tip.
func ledgerCounts(t *testing.T, raw *sql.DB, id int64) (records, entries, tip int64) {
	t.Helper()
	err := raw.QueryRow(`SELECT (SELECT count(*) FROM events WHERE assessment_id = ?), (SELECT count(*) FROM ledger), (SELECT seq FROM ledger_tip)`, id).
		Scan(&records, &entries, &tip)
	if err != nil {
		t.Fatal(err)
	}
	return records, entries, tip
}

func mustAnswer(t *testing.T, db *DB, id int64, want string) {
	t.Helper()
	a, err := db.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Answers[firstControl(a.Questionnaire)].Value.Choices
	if len(got) != 1 || got[0] != want {
		t.Fatalf("answer stored: %v; want %s", got, want)
	}
}

// signOnOwnTip saves two answers to a through db, after which the handle
// signs its saves on the ledger tip it left (nobody else wrote), and
// fails t unless it does.
func signOnOwnTip(t *testing.T, db *DB, a *assess.Assessment) {
	t.Helper()
	for _, v := range []string{"yes", "no"} {
		if err := db.SaveAnswer(context.Background(), a.ID, choose(a, v)); err != nil {
			t.Fatal(err)
		}
	}
	if !db.dialect.(*pgDialect).save.tipIsOurs.Load() {
		t.Fatal("after two saves alone the handle does not sign on its own tip: the one-exchange save is never tried")
	}
}

// analystOnOwnTip is one analyst's handle on a new team schema, signing
// on its own tip, with its assessment and two superuser connections to
// the schema: one to read, one to change what an analyst may not.
func analystOnOwnTip(t *testing.T) (*DB, *assess.Assessment, *sql.DB, *sql.DB) {
	t.Helper()
	requirePostgres(t)
	dbs, as, dsn, admin := benchAnalysts(t, 1)
	signOnOwnTip(t, dbs[0], as[0])
	return dbs[0], as[0], rawTeam(t, dsn), admin
}

// tipMovedUnderAnalyst is two analysts' handles on a new team schema,
// ana signing its saves on its own tip until bo's save moved the
// ledger's tip, their assessments and a superuser connection to read
// the schema.
func tipMovedUnderAnalyst(t *testing.T) (ana, bo *DB, as []*assess.Assessment, raw *sql.DB) {
	t.Helper()
	requirePostgres(t)
	dbs, as, dsn, _ := benchAnalysts(t, 2)
	ana, bo = dbs[0], dbs[1]
	signOnOwnTip(t, ana, as[0])
	if err := bo.SaveAnswer(context.Background(), as[1].ID, choose(as[1], "yes")); err != nil {
		t.Fatal(err)
	}
	return ana, bo, as, rawTeam(t, dsn)
}

// Another login appends to the ledger between two saves of one analyst:
// the analyst's batch, signed on the tip its handle left, finds the tip
// moved and rolls back whole; the save is done again on the real tip,
// and recorded once.
func TestPipelinedSaveOnAnotherLoginsTip(t *testing.T) {
	ana, bo, as, raw := tipMovedUnderAnalyst(t)
	ctx := context.Background()
	pg := ana.dialect.(*pgDialect)
	records, entries, tip := ledgerCounts(t, raw, as[0].ID)
	if err := ana.SaveAnswer(ctx, as[0].ID, choose(as[0], "yes")); err != nil {
		t.Fatal(err)
	}
	if pg.save.tipIsOurs.Load() {
		t.Fatal("the save on a tip another login moved did not fail its check")
	}
	r2, e2, tip2 := ledgerCounts(t, raw, as[0].ID)
	if r2 != records+1 || e2 != entries+1 || tip2 != tip+1 {
		t.Fatalf("the save redone added %d records, %d entries and moved the tip by %d; want one each", r2-records, e2-entries, tip2-tip)
	}
	mustAnswer(t, ana, as[0].ID, "yes")
	// The next save reads the tip, finds it its own again, and the one
	// after signs on it unread.
	for _, v := range []string{"no", "yes"} {
		if err := ana.SaveAnswer(ctx, as[0].ID, choose(as[0], v)); err != nil {
			t.Fatal(err)
		}
	}
	if !pg.save.tipIsOurs.Load() {
		t.Fatal("the handle never goes back to signing on its own tip")
	}
	assertSound(t, ana)
	assertSound(t, bo)
}

// A statement of the batch fails after the answer, its audit record, the
// summary and the ledger entry are written: nothing of it stays, the
// connection goes back to the pool usable, and the next save works.
func TestPipelinedSaveFailingHalfWayWritesNothing(t *testing.T) {
	db, a, raw, admin := analystOnOwnTip(t)
	ctx := context.Background()
	// The leaf is the batch's last write but the state's: refused, the
	// batch fails after everything else went in.
	mustExec(t, admin, `REVOKE INSERT ON ledger_leaves FROM assay_analyst`)
	records, entries, tip := ledgerCounts(t, raw, a.ID)
	err := db.SaveAnswer(ctx, a.ID, choose(a, "yes"))
	if err == nil {
		t.Fatal("a save whose leaf the server refuses was recorded")
	}
	if r, e, tp := ledgerCounts(t, raw, a.ID); r != records || e != entries || tp != tip {
		t.Fatalf("the failed save left %d records, %d entries and moved the tip by %d", r-records, e-entries, tp-tip)
	}
	mustAnswer(t, db, a.ID, "no")
	mustExec(t, admin, `GRANT INSERT ON ledger_leaves TO assay_analyst`)
	for _, v := range []string{"yes", "no", "yes"} {
		if err := db.SaveAnswer(ctx, a.ID, choose(a, v)); err != nil {
			t.Fatal(err)
		}
	}
	mustAnswer(t, db, a.ID, "yes")
	if r, _, _ := ledgerCounts(t, raw, a.ID); r != records+3 {
		t.Fatalf("%d records after three more saves; want %d", r, records+3)
	}
	assertSound(t, db)
}

// Two windows of one login on one assessment: the second window's save
// makes the first's cached copy stale, and the first window's next
// change, checked against the answer it was shown, is refused naming
// who, when and what; saved over it, it is recorded on the real chain.
func TestPipelinedSaveSeesAnotherWindowsChange(t *testing.T) {
	requirePostgres(t)
	dbs, as, dsn, _ := benchAnalysts(t, 1)
	first, a := dbs[0], as[0]
	second, err := OpenTeam(teamLogin(t, dsn, first.login, "analyst"), first.decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	useTestKeys(second)
	ctx := context.Background()
	signOnOwnTip(t, first, a)
	shown, err := first.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := second.SaveAnswer(ctx, a.ID, choose(a, "yes")); err != nil {
		t.Fatal(err)
	}
	err = first.ReplaceAnswers(ctx, a.ID, []assess.Answer{choose(a, "no")}, shown.Answers)
	var conflict *assess.ConflictError
	if !errors.As(err, &conflict) || len(conflict.Theirs) != 1 {
		t.Fatalf("a change over another window's answer: %v; want a conflict naming it", err)
	}
	if got := conflict.Theirs[0]; got.UpdatedBy != first.login || got.Value.Choices[0] != "yes" || got.UpdatedAt.IsZero() {
		t.Fatalf("the conflict names %+v; want %s's yes, with its time", got, first.login)
	}
	mustAnswer(t, first, a.ID, "yes")
	if err := first.SaveAnswer(ctx, a.ID, choose(a, "no")); err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, second, a.ID, "no")
	assertSound(t, first)
}

// Four analysts save at once, each to an assessment of their own, and
// two of them to a fifth they share: every save is recorded once, in one
// ledger that verifies.
func TestPipelinedSavesAtOnce(t *testing.T) {
	requirePostgres(t)
	dbs, as, dsn, _ := benchAnalysts(t, 4)
	raw := rawTeam(t, dsn)
	ctx := context.Background()
	shared := as[0]
	const rounds = 12
	before := make([]int64, len(dbs))
	for w := range dbs {
		before[w], _, _ = ledgerCounts(t, raw, as[w].ID)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(dbs)*rounds*2)
	for w, db := range dbs {
		wg.Go(func() {
			for i := range rounds {
				v := []string{"yes", "no"}[i%2]
				if err := db.SaveAnswer(ctx, as[w].ID, choose(as[w], v)); err != nil {
					errs <- err
				}
				if w == 1 {
					if err := db.SaveAnswer(ctx, shared.ID, choose(shared, v)); err != nil {
						errs <- err
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for w := range dbs {
		want := int64(rounds)
		if w == 0 {
			want = 2 * rounds
		}
		if r, _, _ := ledgerCounts(t, raw, as[w].ID); r-before[w] != want {
			t.Fatalf("analyst %d's assessment has %d new records; want %d", w, r-before[w], want)
		}
	}
	_, entries, tip := ledgerCounts(t, raw, shared.ID)
	if entries != tip {
		t.Fatalf("%d ledger entries, tip %d: entries were lost or doubled", entries, tip)
	}
	assertSound(t, dbs[0])
}

// The server ends the connection while the batch waits for the ledger
// tip, after the summary, the answer and its audit record went in:
// nothing of them stays, and the save is done again on a connection of
// its own, recorded once.
func TestPipelinedSaveKilledMidWay(t *testing.T) {
	db, a, raw, admin := analystOnOwnTip(t)
	ctx := context.Background()
	records, entries, _ := ledgerCounts(t, raw, a.ID)
	holder, err := admin.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	if _, err := holder.Exec(`SELECT seq FROM ledger_tip FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	saved := make(chan error, 1)
	go func() { saved <- db.SaveAnswer(ctx, a.ID, choose(a, "yes")) }()
	// The analyst's backend waits for the tip's lock: end it.
	for {
		var n int
		err := raw.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE usename = ? AND wait_event_type = 'Lock'`, db.login).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		select {
		case err := <-saved:
			t.Fatalf("the save did not wait for the tip's lock: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := holder.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-saved; err != nil {
		t.Fatalf("the save whose connection was ended: %v", err)
	}
	if r, e, _ := ledgerCounts(t, raw, a.ID); r != records+1 || e != entries+1 {
		t.Fatalf("the save added %d records and %d entries; want one each", r-records, e-entries)
	}
	mustAnswer(t, db, a.ID, "yes")
	assertSound(t, db)
}
