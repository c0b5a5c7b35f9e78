package store

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The tamper suite's times: the file suite's fixture is written at one
// instant, so a time moved between two of its records cannot be planted
// there. This fixture is written with a clock that ticks a second at each
// reading (a write's own readings) and an hour between writes, on both
// stores, and each case moves one time stored beside a
// trail to somewhere the old rule (between the creation and the latest
// record) allowed:
//
//	subject 1     Acme Cloud Ltd, created, then its owner set
//	subject 2     Initech, never edited
//	assessment 1  Acme, answered twice, a plan edit, submitted, approved
//	assessment 2  Initech, a draft answered twice and a plan edit
//	assessment 3  the revision of assessment 1, one answer changed
//
// Each case changes one column of one row with SQL, verify must name it,
// and the column is put back (verify is then clean again) for the next.
func TestTamperSuiteTimes(t *testing.T) {
	contract(t, contractTamperSuiteTimes)
}

func contractTamperSuiteTimes(t *testing.T) {
	path := tempPath(t)
	db, q := testDB(t)
	db = openAt(t, path)
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	fillTimedFixture(t, db, q, func() { clock = clock.Add(time.Hour) })
	if res, err := db.Verify(as("x"), 0); err != nil || res.Broken != nil {
		t.Fatalf("the fixture does not verify: %v %v", res.Broken, err)
	}
	var raw *sql.DB
	if onPostgres(t) {
		dsn, _ := schemas.Load(t.Name() + "\x00" + path)
		raw = rawTeam(t, dsn.(string))
	} else {
		raw = rawOpen(t, path)
		t.Cleanup(func() { raw.Close() })
	}
	// recordAt is the time of record seq of an owner's trail.
	recordAt := func(c chain, owner, seq int64) string {
		var at string
		if err := raw.QueryRow(`SELECT at FROM `+c.events+` WHERE `+c.fk+` = ? AND seq = ?`, owner, seq).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return at
	}
	column := func(table, col string, id int64) string {
		var v string
		if err := raw.QueryRow(`SELECT `+col+` FROM `+table+` WHERE id = ?`, id).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name, table, col string
		id               int64
		to               func() string
		want             string
	}{
		// Assessments: the time of last change within the trail's span.
		{"a draft's time of last change moved back to an earlier record's", "assessments", "updated_at", 2,
			func() string { return recordAt(assessmentChain, 2, 2) },
			"assessment 2, audit record 9 (event id 18): the assessment's time of last change"},
		{"a revision's time of last change moved back to its creation", "assessments", "updated_at", 3,
			func() string { return column("assessments", "created_at", 3) },
			"is not the time of this record"},
		// Subjects: their own times, held to their records.
		{"a subject's creation time moved earlier", "subjects", "created_at", 1,
			func() string { return "2020-01-01T00:00:00Z" },
			"subject 1, audit record 1 (event id 1): the subject's creation time (2020-01-01T00:00:00Z) is not the time of its creation record"},
		{"a subject's creation time moved later, before its edit", "subjects", "created_at", 1,
			func() string { return recordAt(subjectChain, 1, 2) },
			"subject 1, audit record 1 (event id 1): the subject's creation time"},
		{"a subject's time of last change moved back to its creation", "subjects", "updated_at", 1,
			func() string { return column("subjects", "created_at", 1) },
			"subject 1, audit record 2 (event id 2): the subject's time of last change"},
		{"a subject's time of last change moved on", "subjects", "updated_at", 1,
			func() string { return "2099-01-01T00:00:00Z" },
			"the subject's time of last change (2099-01-01T00:00:00Z) is not the time of this record"},
		{"a subject never edited made to look changed", "subjects", "updated_at", 2,
			func() string { return "2026-03-11T00:00:00Z" },
			"subject 2, audit record 1 (event id 3): the subject's time of last change (2026-03-11T00:00:00Z) is not its creation time"},
		{"a subject's creation time that is not a time", "subjects", "created_at", 2,
			func() string { return "yesterday" },
			`the subject's creation time ("yesterday") is not a time`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			was := column(tc.table, tc.col, tc.id)
			to := tc.to()
			if to == was {
				t.Fatalf("the case changes nothing: %s is %s already", tc.col, was)
			}
			mustExec(t, raw, `UPDATE `+tc.table+` SET `+tc.col+` = ? WHERE id = ?`, to, tc.id)
			res, err := db.Verify(as("Auditor"), 0)
			mustExec(t, raw, `UPDATE `+tc.table+` SET `+tc.col+` = ? WHERE id = ?`, was, tc.id)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if res.Broken == nil {
				t.Fatalf("the attack went unnoticed: verify passed (%d assessments, %d subjects)", res.Assessments, res.Subjects)
			}
			if msg := res.Broken.Error(); !strings.Contains(msg, tc.want) {
				t.Fatalf("verify failed with %q; want it to name %q", msg, tc.want)
			}
			if res, err := db.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
				t.Fatalf("put back, it does not verify: %v %v", res.Broken, err)
			}
		})
	}
}

// fillTimedFixture writes TestTamperSuiteTimes' fixture, each write an
// hour (later) after the one before.
func fillTimedFixture(t *testing.T, db *DB, q *assess.Questionnaire, later func()) {
	t.Helper()
	ana := as("Ana Analyst")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		later()
	}
	must(db.CreateSubject(ana, &assess.Subject{Name: "Acme Cloud Ltd", Kind: "vendor"}))
	owner := "IT procurement"
	_, err := db.EditSubject(ana, 1, assess.SubjectChange{Owner: &owner})
	must(err)
	must(db.CreateSubject(ana, &assess.Subject{Name: "Initech", Kind: "vendor"}))
	for i, subject := range []string{"Acme Cloud Ltd", "Initech"} {
		a := &assess.Assessment{Subject: subject, SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
		must(db.CreateAssessment(ana, a))
		if a.ID != int64(i+1) {
			t.Fatalf("the fixture's assessment %d is numbered %d", i+1, a.ID)
		}
		must(db.SaveAnswers(ana, a.ID, completeAnswers()[:4]))
		must(db.SaveAnswers(as("Bo"), a.ID, completeAnswers()[4:]))
		must(editPlan(ana, db, a.ID, assess.PlanEdit{Key: "mfa", Owner: fmt.Sprint("Ops ", i)}))
	}
	_, err = db.Review(ana, 1, assess.ActSubmit, day("2026-03-10"), "Ready")
	must(err)
	_, err = db.Review(as("Rui Reviewer"), 1, assess.ActApprove, day("2026-03-10"), "Agreed")
	must(err)
	rev, err := db.Revise(as("Rui Reviewer"), 1)
	must(err)
	must(db.SaveAnswer(as("Rui Reviewer"), rev.ID, choice("mfa", "yes")))
}

// An incremental verify checks in full what changed since its checkpoint,
// times among it: a subject edited and an answer saved since, each with
// its time of last change then moved back to where it was, are named.
// On the file: what is checked is checkOwner's, which the full verify's
// contract tests run on both stores.
func TestIncrementalVerifyHoldsTheTimesOfWhatChanged(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(db *DB) error
		table  string
		id     int64
		want   string
	}{
		{"a subject edited", func(db *DB) error {
			notes := "Renewal due"
			_, err := db.EditSubject(as("Ana Analyst"), 2, assess.SubjectChange{Notes: &notes})
			return err
		}, "subjects", 2, "subject 2, audit record 2 (event id 4): the subject's time of last change"},
		{"an answer saved", func(db *DB) error { return db.SaveAnswer(as("Ana Analyst"), 2, choice("mfa", "yes")) },
			"assessments", 2, "assessment 2, audit record 10 (event id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tempPath(t)
			_, q := testDB(t)
			db := openAt(t, path)
			clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
			db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
			fillTimedFixture(t, db, q, func() { clock = clock.Add(time.Hour) })
			owner := as("Iris Importer")
			if res, err := db.VerifyWith(owner, VerifyOptions{Checkpoint: true}); err != nil || res.Broken != nil || res.Recorded == nil {
				t.Fatalf("full verify: %+v %v", res, err)
			}
			raw := rawOpen(t, path)
			t.Cleanup(func() { raw.Close() })
			var was string
			if err := raw.QueryRow(`SELECT updated_at FROM `+tc.table+` WHERE id = ?`, tc.id).Scan(&was); err != nil {
				t.Fatal(err)
			}
			clock = clock.Add(time.Hour)
			if err := tc.change(db); err != nil {
				t.Fatal(err)
			}
			mustExec(t, raw, `UPDATE `+tc.table+` SET updated_at = ? WHERE id = ?`, was, tc.id)
			res, err := db.VerifyWith(owner, VerifyOptions{Incremental: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Broken == nil || !strings.Contains(res.Broken.Error(), tc.want) || !strings.Contains(res.FullWhy, "changed since the checkpoint and does not verify") {
				t.Fatalf("incremental verify: broken %v (want %q), why %q", res.Broken, tc.want, res.FullWhy)
			}
		})
	}
}
