package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess/ledger"
)

// The record of grants is a chain of its own, which shows a record
// removed from between two others but not the newest cut off: a
// revocation deleted, and the role granted again in psql, left it intact
// up to the cut. So the ledger, whose entries are chained and signed and
// held in place by every entry after them, records how long the chain of
// grants was and its last hash (ledger.GrantsSeen):
//
//   - in the entry assay team grant and revoke sign, in the transaction
//     that records the grant (a key's registration, when the login that
//     grants has not registered its key in this ledger yet; otherwise an
//     entry of kind write that changes no assessment);
//   - in each key's registration on a team database (every login's first
//     change, and the genesis), and in each verify checkpoint.
//
// Verify then names a chain of grants shorter than, or other than, one a
// signed entry saw (verifier.grantsSeen). None of this is on the save
// path: a save neither reads the record of grants nor writes it.

// grantsEntry is the statement that appends to the ledger the entry that
// records seen, the record of grants as this transaction leaves it,
// signed with the key of the login running assay team; "" when the
// ledger has no entry yet (the genesis, when a portfolio arrives,
// records it) or this login may not append to it (t.ledgerGap then says
// whether an entry should have).
func (t *teamAdmin) grantsEntry(ctx context.Context, tx *sql.Tx, seen ledger.GrantsSeen) (string, error) {
	var may bool
	if err := tx.QueryRowContext(ctx, `SELECT has_table_privilege('ledger', 'INSERT') AND has_table_privilege('ledger_tip', 'UPDATE')`).Scan(&may); err != nil {
		return "", t.failure(err)
	}
	if !may {
		// Said to the person once the grant is made (TeamChange), unless
		// the ledger is empty: its genesis will record the grants.
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM ledger)`).Scan(&t.ledgerGap); err != nil {
			return "", t.failure(err)
		}
		return "", nil
	}
	// The tip's lock, as every write takes before it appends its entry.
	var tip tipState
	if err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM ledger_tip FOR UPDATE`).Scan(&tip.seq, &tip.hash); err != nil {
		return "", t.failure(err)
	}
	if tip.seq == 0 {
		return "", nil
	}
	k, err := t.signingKey()
	if err != nil {
		return "", err
	}
	var registered int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ledger WHERE key_id = ? AND kind IN ('genesis', 'key') AND note::jsonb ->> 'name' = ?`,
		k.Public().ID(), t.d.login).Scan(&registered); err != nil {
		return "", t.failure(err)
	}
	e := ledger.Entry{Seq: tip.seq + 1, At: time.Now().UTC().Format(time.RFC3339Nano), Kind: ledger.KindWrite, PrevHash: tip.hash, Note: ledger.NoteJSON(seen)}
	if registered == 0 {
		e.Kind, e.Note = ledger.KindKey, ledger.NoteJSON(ledger.KeyNote{Name: t.d.login, Key: k.Public().String(), GrantsSeen: &seen})
	}
	e.Seal(k)
	args := entryArgs(&e)
	values := make([]string, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case int64:
			values[i] = strconv.FormatInt(v, 10)
		default:
			values[i] = sqlLiteral(v.(string))
		}
	}
	return `INSERT INTO ledger (seq, at, kind, key_id, note, leaves, prev_hash, hash, signature) VALUES (` + strings.Join(values, ", ") + `)`, nil
}

// grantsSeenNow is the record of grants as it stands in tx, for the key
// registration seal writes on a team database; nil on a file.
func (db *DB) grantsSeenNow(ctx context.Context, tx *sql.Tx) (*ledger.GrantsSeen, error) {
	if !db.dialect.team() {
		return nil, nil
	}
	var has bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('team_grants') IS NOT NULL`).Scan(&has); err != nil || !has {
		return nil, err
	}
	records, err := readGrantRecords(ctx, tx, "team_grants")
	if err != nil {
		return nil, err
	}
	seen := ledger.GrantsSeenOf(records)
	return &seen, nil
}
