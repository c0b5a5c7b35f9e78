package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// Moving a portfolio between a person's file and a team's server (assay
// migrate): every row of every table, as it is, so that the copy's audit
// trails, ledger and signatures are the original's and verify there as
// they did here. The copy is one transaction on the target, verified in
// that transaction before it commits: a failure anywhere, the last check
// included, leaves the target as it was.

// copyTables are the tables a portfolio is, in an order that inserts
// every row after the rows it refers to, with the columns both schemas
// share and the column each is ordered by.
var copyTables = []struct{ name, columns, order string }{
	{"questionnaire_snapshots", "digest, questionnaire_id, version, source_name, source, stored_at", "digest"},
	{"subjects", "id, name, kind, owner, contacts, tier, notes, created_at, updated_at, event_count, event_head, uuid", "id"},
	{"assessments", "id, uuid, subject, subject_kind, reviewer, snapshot_digest, assessed_on, deadlines, status, archived, " +
		"created_at, updated_at, summary, event_count, event_head, subject_id, revision, revision_of, list", "id"},
	{"answers", "assessment_id, question_id, value, note, evidence, source, reviewed, updated_at, updated_by", "assessment_id, question_id"},
	{"plan_edits", "assessment_id, finding_key, edit, updated_at, updated_by", "assessment_id, finding_key"},
	{"events", "id, assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash", "id"},
	{"subject_events", "id, subject_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash", "id"},
	{"signoffs", "id, assessment_id, role, name, signed_on, decision, comment, audit_seq, at", "id"},
	{"ledger", "seq, at, kind, key_id, note, leaves, prev_hash, hash, signature", "seq"},
	{"ledger_leaves", "uuid, seq, idx, scope, owner_id, records, head, state", "seq, idx, uuid"},
	{"ledger_states", "hash, state", "hash"},
}

// copyHook, set by tests only, runs after each row copied (at is the
// table) and once the target committed (at is "committed"): a test cuts
// the connection there.
var copyHook func(at string, rows int)

// Copied counts what CopyPortfolio copied.
type Copied struct {
	Assessments, Subjects, Records, Entries, Snapshots int
	Verified                                           VerifyResult
	// SourceChanged: the source's protections (its triggers, indexes,
	// constraints, grants) were changed outside assay, in verify's words;
	// "" when they are as assay made them. The records copied verify in
	// the copy all the same; the original's own verify fails, and
	// SourceVerify is the command that shows it there.
	SourceChanged, SourceVerify string
}

// CopyPortfolio copies everything from holds into to, which must hold
// nothing yet. It reads from in one read transaction (one moment's
// portfolio) and writes to in one write transaction, which it verifies,
// with the keys to trusts, before committing. On any error nothing of it
// is left in to.
func CopyPortfolio(ctx context.Context, from, to *DB) (Copied, error) {
	var done Copied
	if to.readOnly {
		return done, errReadOnly(to.where())
	}
	trusted, err := to.trusted()
	if err != nil {
		return done, err
	}
	// committed: the target holds the whole copy, verified. The read
	// transaction on from ending in an error after that (its server gone
	// in that moment) changes nothing of it: everything was read.
	committed := false
	err = from.view(ctx, func(src *sql.Tx) error {
		err := to.run(ctx, nil, func(dst *sql.Tx) error {
			if err := to.dialect.lockForCopy(ctx, dst); err != nil {
				return err
			}
			if err := emptyTarget(ctx, dst, to.where()); err != nil {
				return err
			}
			if err := grantKeyClash(ctx, src, dst, from, to); err != nil {
				return err
			}
			// An approved assessment locks its answers, plan and
			// sign-offs: it arrives open and is approved again once they
			// are in, as it was.
			var approved []int64
			for _, tbl := range copyTables {
				n, err := copyTable(ctx, src, dst, tbl.name, tbl.columns, tbl.order, func(row []any) {
					if tbl.name == "assessments" && row[8] == string(assess.Approved) {
						approved = append(approved, asInt64(row[0]))
						row[8] = string(assess.Draft)
					}
				})
				if from.dialect.connectionLost(err) {
					return lostDuringCopy(from, to)
				}
				if to.dialect.connectionLost(err) {
					return lostIntoCopy(from, to, false)
				}
				if refused := to.dialect.copyRefused(err, from, to); refused != nil {
					return refused
				}
				if err != nil {
					return assess.Errorf(assess.EInvalid, "copying %s into %s: %v; nothing was copied", tbl.name, to.where(), to.dialect.worded(to.where(), err, to.wording.reading(false)))
				}
				switch tbl.name {
				case "assessments":
					done.Assessments = n
				case "subjects":
					done.Subjects = n
				case "events", "subject_events":
					done.Records += n
				case "ledger":
					done.Entries = n
				case "questionnaire_snapshots":
					done.Snapshots = n
				}
			}
			// After the rows are read: the source's tables are then the
			// read transaction's to read, and a lock another session holds
			// on one is waited for by the copy's read, as before.
			if err := sourceProtections(ctx, src, from, &done); err != nil {
				return err
			}
			for _, id := range approved {
				if _, err := dst.ExecContext(ctx, `UPDATE assessments SET status = ? WHERE id = ?`, string(assess.Approved), id); err != nil {
					return fmt.Errorf("approving assessment %d again: %w", id, err)
				}
			}
			if err := to.dialect.afterCopy(ctx, dst); err != nil {
				return err
			}
			v := &verifier{db: to, tx: dst, res: &done.Verified}
			b, err := v.run(ctx, 0, trusted)
			if err != nil {
				return err
			}
			if b != nil && b.ProtectionsChanged() {
				// The target's own grants or schema, not the records
				// copied: the original verifies, and is left as it was.
				return assess.Errorf(assess.EConflict, "nothing was copied into %s: %s; %s is as it was, and the copy can be made again once that is put right",
					to.where(), b.Error(), from.where())
			}
			if b != nil && b.Chain == "grant record" {
				// The target's own record of who granted its roles, signed
				// by a key not trusted yet: nothing copied is at fault, and
				// the file holds no such record to say the same of.
				return assess.Errorf(assess.EConflict, "nothing was copied into %s: its own record of team grants is not vouched for: %s; %s is as it was, and the copy can be made again once that key is trusted",
					to.where(), b.Error(), from.where())
			}
			if b != nil {
				return assess.Errorf(assess.EConflict, "the copy does not verify in %s (%s), so nothing was copied; %s says the same of the original",
					to.where(), b.Error(), from.verifyCommand())
			}
			if copyHook != nil {
				copyHook("verified", 0)
			}
			committing(ctx)
			return nil
		})
		if err != nil && lostTarget(to, err) {
			// Lost at the commit, its request perhaps sent, as run
			// tells of any write (pgDialect.commitSent), or before.
			err = lostIntoCopy(from, to, assess.OutcomeUnknown(err))
		}
		committed = err == nil
		if committed && copyHook != nil {
			copyHook("committed", 0)
		}
		return err
	})
	if committed {
		return done, nil
	}
	if from.dialect.connectionLost(err) {
		err = lostDuringCopy(from, to)
	}
	if err != nil {
		return Copied{}, err
	}
	return done, nil
}

// sourceProtections notes in done whether the source's protections (its
// triggers, indexes, constraints, grants) are as assay made them, read in
// the copy's own read transaction, before the copy commits (an error
// leaves nothing copied). Opening a file checks that it is an assay
// database of a version this assay knows (schema_check.go), not these:
// verify alone reads them.
//
// A source so changed, a file or a team database, is copied all the
// same: a trigger, index or constraint dropped changes no record, and
// the copy verifies every record and signature before it commits, so the
// copy is sound; the original's own verify fails, and the person moving
// is told so, and with what command to see it, rather than "Verified"
// alone. Refusing would help nobody: assay has no command that puts such
// a source right, and a backup from before the change loses the work
// after it.
func sourceProtections(ctx context.Context, src *sql.Tx, from *DB, done *Copied) error {
	b, err := from.dialect.checkSchema(ctx, src)
	if err != nil {
		return fmt.Errorf("reading the protections of %s: %w; nothing was copied", from.where(), from.dialect.worded(from.where(), err, true))
	}
	if b != nil {
		done.SourceChanged, done.SourceVerify = b.Reason, from.verifyCommand()
	}
	return nil
}

// emptyTarget refuses a target that holds anything: a portfolio's ledger
// is one chain, and two cannot be merged into one without re-signing
// other people's entries.
func emptyTarget(ctx context.Context, tx *sql.Tx, where string) error {
	for _, tbl := range []string{"assessments", "subjects", "ledger", "questionnaire_snapshots"} {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+tbl).Scan(&n); err != nil {
			return err
		}
		if n > 0 && tbl == "ledger" {
			if err := keysOnlyLedger(ctx, tx, where); err != nil {
				return err
			}
		}
		if n > 0 {
			return assess.Errorf(assess.EConflict, "%s already holds a portfolio (its %s table has %d rows): assay migrate copies into an empty database only, so that its signed ledger stays one chain; nothing was copied",
				where, tbl, n)
		}
	}
	return nil
}

// keysOnlyLedger refuses, saying why, a target whose ledger holds only
// keys registered and nothing else: what an assay older than this one's
// assay key wrote into an empty team database, before a portfolio moved
// in. Those entries are signed by the people who registered them, and
// the copied ledger begins with a genesis of its own: the two cannot
// become one chain.
func keysOnlyLedger(ctx context.Context, tx *sql.Tx, where string) error {
	var other int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ledger WHERE kind NOT IN ('genesis', 'key')`).Scan(&other); err != nil || other > 0 {
		return err
	}
	return assess.Errorf(assess.EConflict, "%s holds no portfolio, but its ledger holds keys registered by an older assay's assay key, and assay migrate copies into a database whose ledger is empty only, so that its signed ledger stays one chain; nothing was copied. "+
		"Set up another team schema with assay team init (another search_path in the connection string) and migrate into it: this assay's assay key registers nothing in a team database that holds no portfolio",
		where)
}

// copyTable copies one table's rows in order; edit may change a row
// before it is inserted.
func copyTable(ctx context.Context, src, dst *sql.Tx, table, columns, order string, edit func([]any)) (int, error) {
	n := strings.Count(columns, ",") + 1
	insert := `INSERT INTO ` + table + ` (` + columns + `) VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + `)`
	rows, err := src.QueryContext(ctx, `SELECT `+columns+` FROM `+table+` ORDER BY `+order)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	stmt, err := dst.PrepareContext(ctx, insert)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	count := 0
	row := make([]any, n)
	ptrs := make([]any, n)
	for i := range row {
		ptrs[i] = &row[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return count, err
		}
		edit(row)
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return count, fmt.Errorf("row %d: %w", count+1, err)
		}
		count++
		if copyHook != nil {
			copyHook(table, count)
		}
	}
	return count, rows.Err()
}

func asInt64(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int32:
		return int64(x)
	case int:
		return int64(x)
	}
	return 0
}

// verifyCommand is the command a person runs to verify db: assay --db
// with its file, or with its connection string without the password
// (a team database's short name in messages is no connection string).
func (db *DB) verifyCommand() string {
	named := db.path
	if given := db.dialect.connectionString(); given != "" {
		named = given
	}
	return "assay --db " + shellQuoted(named) + " verify"
}

// shellQuoted is s in single quotes for a POSIX shell, a quote in it
// closed, escaped and reopened.
func shellQuoted(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
