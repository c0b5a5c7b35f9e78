package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"sync"
	"time"
)

// The locks on approved assessments, sign-offs and the ledger are
// triggers, and the rule that an approved assessment has one revision is
// a unique index: a script can drop or replace any of them before it
// changes what they guard. Verify compares the schema with the one the
// migrations make, which it builds once in memory.

// schemaObject is one trigger, index, table or view as sqlite_master
// holds it.
type schemaObject struct{ kind, name, sql string }

var expected struct {
	once    sync.Once
	objects map[string]schemaObject // by name
	err     error
}

// expectedSchema applies every migration to an empty in-memory database
// and returns its triggers, indexes and tables.
func expectedSchema(ctx context.Context) (map[string]schemaObject, error) {
	expected.once.Do(func() {
		mem, err := sql.Open("sqlite", "file:expected?mode=memory")
		if err != nil {
			expected.err = err
			return
		}
		defer mem.Close()
		mem.SetMaxOpenConns(1)
		db := &DB{sql: mem, dialect: sqliteDialect{}, Now: time.Now}
		if err := db.migrate(ctx, nil); err != nil {
			expected.err = err
			return
		}
		expected.objects, expected.err = schemaObjects(ctx, mem)
	})
	return expected.objects, expected.err
}

type queryer interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

func schemaObjects(ctx context.Context, q queryer) (map[string]schemaObject, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, COALESCE(sql, '') FROM sqlite_master
		WHERE type IN ('trigger', 'index', 'table', 'view') AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			return nil, err
		}
		out[o.name] = o
	}
	return out, rows.Err()
}

// checkSchemaObjects finds a file no longer marked as assay's, a
// trigger, index or table of assay's that was dropped or changed, or a
// trigger that was added.
func checkSchemaObjects(ctx context.Context, tx *sql.Tx) (*Break, error) {
	if b, err := checkApplicationID(ctx, tx); err != nil || b != nil {
		return b, err
	}
	want, got, err := wantedAndFound(ctx, tx)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w := want[n]
		g, ok := got[n]
		switch {
		case !ok:
			return &Break{Chain: "schema", Reason: fmt.Sprintf("the %s %s was dropped outside assay", w.kind, n)}, nil
		case g.kind != w.kind || g.sql != w.sql:
			return &Break{Chain: "schema", Reason: fmt.Sprintf("the %s %s is not the one assay made: it was replaced outside assay", w.kind, n)}, nil
		}
	}
	for _, n := range sortedKeys(got) {
		if g := got[n]; g.kind == "trigger" {
			if _, ok := want[n]; !ok {
				return &Break{Chain: "schema", Reason: fmt.Sprintf("the trigger %s was added outside assay", n)}, nil
			}
		}
	}
	return nil, nil
}

// checkApplicationID finds a file whose header no longer marks it as
// assay's. Every migration since schema 006 is applied after the mark
// is written (DB.migrate), so a file assay opened is marked; one that
// is not had its header rewritten outside assay, or was rebuilt outside
// it (sqlite3's .dump or .recover into a new file, which keep the rows
// and lose the mark): not the file assay wrote, whatever it holds.
func checkApplicationID(ctx context.Context, tx *sql.Tx) (*Break, error) {
	var id uint32
	if err := tx.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return nil, err
	}
	if id == applicationID {
		return nil, nil
	}
	return &Break{Chain: "schema", Reason: fmt.Sprintf("the file's application ID is %d, not assay's (%#08x, which assay writes into every database it opens for writing): "+
		"its header was changed outside assay, or the file was rebuilt outside it (as sqlite3's .dump or .recover into a new file do)", id, applicationID)}, nil
}

// addedObjects names, as "table NAME", "view NAME" or "index NAME", what
// the file holds that assay's migrations did not make, other than
// triggers (checkSchemaObjects fails those: a trigger can change what
// assay writes). A table, view or index cannot: it is someone's own
// analysis, most likely, made with the sqlite3 shell, and verify names it
// rather than fail the portfolio for it.
func addedObjects(ctx context.Context, tx *sql.Tx) ([]string, error) {
	want, got, err := wantedAndFound(ctx, tx)
	if err != nil {
		return nil, err
	}
	var added []string
	for _, n := range sortedKeys(got) {
		if _, ok := want[n]; !ok && got[n].kind != "trigger" {
			added = append(added, got[n].kind+" "+n)
		}
	}
	return added, nil
}

// wantedAndFound gives the schema assay's migrations make and the one the
// file holds, for the checks that compare them.
func wantedAndFound(ctx context.Context, tx *sql.Tx) (want, got map[string]schemaObject, err error) {
	want, err = expectedSchema(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("building the expected schema: %w", err)
	}
	got, err = schemaObjects(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	return want, got, nil
}
