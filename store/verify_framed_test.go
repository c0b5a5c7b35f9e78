package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Verify reads the audit records and answers joined, one row per owner
// (verify_framed.go). Whatever an attacker writes into the tables, what
// it reads must be exactly what the row-by-row read gives, or the same
// failure: these edits put the separators, framing-like text, NUL bytes,
// invalid UTF-8, blobs, numbers and NULLs where text belongs, in records
// and answers, and each batch is read both ways and compared.
func TestJoinedReadIsTheRowByRowRead(t *testing.T) {
	hostile := []struct {
		name    string
		edit    func(t *testing.T, raw *sql.DB)
		reread  bool // the joined read must give up and read row by row
		rowsErr bool // the row-by-row read fails (a NULL where text belongs)
	}{
		{name: "as written", edit: func(*testing.T, *sql.DB) {}},
		{name: "separators in records and answers", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE events SET actor = 'Ana' || char(31) || 'x', new_value = char(30) || new_value || char(31) WHERE assessment_id = 2 AND seq IN (2, 3)`)
			mustExec(t, raw, `UPDATE answers SET note = char(30) || '1' || char(31) || '2' WHERE assessment_id = 1`)
		}},
		{name: "a unit separator", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE events SET hash = hash || char(31) WHERE assessment_id = 2 AND seq = 4`)
			mustExec(t, raw, `UPDATE answers SET updated_by = char(31) || updated_by WHERE assessment_id = 3`)
		}},
		{name: "a record separator", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE subject_events SET at = at || char(30) WHERE subject_id = 1`)
			mustExec(t, raw, `UPDATE answers SET question_id = char(30) || question_id WHERE assessment_id = 3`)
		}},
		{name: "a separator in one value, one too few in another", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE events SET actor = 'Ana' || char(31) || 'x' WHERE assessment_id = 2 AND seq = 2`)
			withLooseColumn(t, raw, "events", "target", func() {
				mustExec(t, raw, `UPDATE events SET target = NULL WHERE assessment_id = 2 AND seq = 3`)
			})
		}, rowsErr: true},
		{name: "framing-like text, NUL bytes and invalid UTF-8", edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE events SET target = '10:' || target || ':0:', old_value = CAST(x'41004200' AS TEXT), new_value = CAST(x'ff3a80' AS TEXT) WHERE assessment_id = 1 AND seq = 1`)
			mustExec(t, raw, `UPDATE answers SET evidence = '3:a' || CAST(x'00' AS TEXT) || 'b' WHERE assessment_id = 2`)
		}},
		{name: "blobs in text columns", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE events SET actor = x'416e6100' WHERE assessment_id = 3 AND seq = 1`)
			mustExec(t, raw, `UPDATE answers SET value = CAST(value AS BLOB) WHERE assessment_id = 3`)
		}},
		{name: "numbers in text columns", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			withLooseColumn(t, raw, "events", "actor", func() {
				mustExec(t, raw, `UPDATE events SET actor = 100.0 WHERE assessment_id = 1 AND seq = 1`)
				mustExec(t, raw, `UPDATE events SET actor = 1e20 WHERE assessment_id = 1 AND seq = 2`)
				mustExec(t, raw, `UPDATE events SET actor = 7 WHERE assessment_id = 1 AND seq = 3`)
			})
			withLooseColumn(t, raw, "answers", "updated_by", func() {
				mustExec(t, raw, `UPDATE answers SET updated_by = 2.0 WHERE assessment_id = 2`)
			})
		}},
		{name: "text and real in integer columns", reread: true, edit: func(t *testing.T, raw *sql.DB) {
			withLooseColumn(t, raw, "events", "seq", func() {
				mustExec(t, raw, `UPDATE events SET seq = '0' || seq WHERE assessment_id = 2 AND seq = 1`)
				mustExec(t, raw, `UPDATE events SET seq = CAST(seq AS REAL) WHERE assessment_id = 2 AND seq = 2`)
			})
			withLooseColumn(t, raw, "answers", "reviewed", func() {
				mustExec(t, raw, `UPDATE answers SET reviewed = 1.0 WHERE assessment_id = 1`)
			})
		}},
		{name: "an owner's id as a real", edit: func(t *testing.T, raw *sql.DB) {
			withLooseColumn(t, raw, "events", "assessment_id", func() {
				mustExec(t, raw, `UPDATE events SET assessment_id = 2.0 WHERE assessment_id = 2 AND seq = 2`)
			})
			withLooseColumn(t, raw, "answers", "assessment_id", func() {
				mustExec(t, raw, `UPDATE answers SET assessment_id = 1.0 WHERE assessment_id = 1 AND question_id IN (SELECT MIN(question_id) FROM answers WHERE assessment_id = 1)`)
			})
		}},
		{name: "NULLs", reread: true, rowsErr: true, edit: func(t *testing.T, raw *sql.DB) {
			withLooseColumn(t, raw, "answers", "note", func() {
				mustExec(t, raw, `UPDATE answers SET note = NULL WHERE assessment_id = 2`)
			})
		}},
		{name: "records out of order and orphans", edit: func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE events SET seq = seq + 100 WHERE assessment_id = 1 AND seq <= 2`)
			mustExec(t, raw, `UPDATE events SET assessment_id = 99 WHERE assessment_id = 3 AND seq = 1`)
			mustExec(t, raw, `UPDATE subject_events SET subject_id = 98 WHERE subject_id = 3`)
		}},
	}
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "assay.db")
			copyFile(t, tamperFixture(t), path)
			raw := rawOpen(t, path)
			withoutTriggers(t, raw, func() { tc.edit(t, raw) })
			if err := raw.Close(); err != nil {
				t.Fatal(err)
			}
			db := tamperOpen(t, path)
			joined, rereads, joinedErr := readAllBatches(t, db, false)
			rows, _, rowsErr := readAllBatches(t, db, true)
			if (rowsErr != nil) != tc.rowsErr {
				t.Fatalf("reading row by row failed with %v", rowsErr)
			}
			if (joinedErr != nil) != (rowsErr != nil) {
				t.Fatalf("read joined: %v; read row by row: %v", joinedErr, rowsErr)
			}
			if rowsErr == nil && !reflect.DeepEqual(joined, rows) {
				t.Fatalf("the joined read differs from the row-by-row read:\n%q\n%q", joined, rows)
			}
			if (rereads > 0) != tc.reread {
				t.Fatalf("%d batches read again row by row; want rereads %v", rereads, tc.reread)
			}
		})
	}
}

// readAllBatches reads every batch of both chains as verify does, and
// returns what it read, owner by owner, and how many batches were read
// again row by row.
func readAllBatches(t *testing.T, db *DB, rowByRow bool) (map[string]any, int64, error) {
	t.Helper()
	got := map[string]any{}
	v := &verifier{db: db, rowByRow: rowByRow}
	err := db.view(context.Background(), func(tx *sql.Tx) error {
		v.tx = tx
		for _, c := range []chain{assessmentChain, subjectChain} {
			b, err := v.readBatch(context.Background(), c, 0, false)
			if err != nil {
				return err
			}
			got[c.events+" orphan"] = b.orphan
			for _, o := range b.owners {
				if err := o.finishRead(); err != nil {
					return err
				}
				key := c.events + " " + o.leaf.UUID
				got[key] = o.events
				if o.a != nil {
					got[key+" answers"] = o.a.answers
				}
			}
		}
		return nil
	})
	return got, v.rereads.Load(), err
}

// withLooseColumn lets column of table hold any type and NULL while fn
// runs, and puts its declaration back, as a script with writable_schema
// can: SQLite checks a column's type and NOT NULL when a row is written,
// never when it is read.
func withLooseColumn(t *testing.T, raw *sql.DB, table, column string, fn func()) {
	t.Helper()
	var ddl string
	if err := raw.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	var decl string
	for line := range strings.Lines(ddl) {
		if f := strings.Fields(line); len(f) > 1 && f[0] == column {
			decl = strings.TrimSuffix(strings.TrimSpace(line), ",")
		}
	}
	if decl == "" {
		t.Fatalf("no column %s in %s", column, ddl)
	}
	setDDL := func(ddl string) {
		ctx := context.Background()
		conn, err := raw.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for _, stmt := range []string{`PRAGMA writable_schema = ON`, `UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?`, `PRAGMA writable_schema = OFF`} {
			var args []any
			if strings.HasPrefix(stmt, "UPDATE") {
				args = []any{ddl, table}
			}
			if _, err := conn.ExecContext(ctx, stmt, args...); err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		// Close this connection: the next one reads the schema anew.
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	setDDL(strings.Replace(ddl, decl, column, 1))
	fn()
	setDDL(ddl)
}

// On both stores, a database assay wrote is read joined, batch by batch,
// and reads as it does row by row: SQLite and PostgreSQL each join the
// rows in the order and with the separators verify splits them by.
func TestVerifyReadsJoined(t *testing.T) { contract(t, contractVerifyReadsJoined) }

func contractVerifyReadsJoined(t *testing.T) {
	db := trail(t)
	joined, rereads, err := readAllBatches(t, db, false)
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := readAllBatches(t, db, true)
	if err != nil {
		t.Fatal(err)
	}
	if rereads != 0 {
		t.Fatalf("%d batches were read again row by row", rereads)
	}
	if !reflect.DeepEqual(joined, rows) {
		t.Fatalf("the joined read differs from the row-by-row read:\n%q\n%q", joined, rows)
	}
	var records, answers int
	for k, v := range joined {
		switch v := v.(type) {
		case []Event:
			records += len(v)
		case []answerRaw:
			if strings.HasSuffix(k, " answers") {
				answers += len(v)
			}
		}
	}
	// Assessment 1: create, two answers, a note, a plan edit; assessment 2:
	// create and two answers; one subject each, created.
	if records != 5+3+2 || answers != 2+2 {
		t.Fatalf("read %d records and %d answers, want 10 and 4", records, answers)
	}
}
