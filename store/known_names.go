package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess/ledger"
)

// knownNames are the names this database's user knows people by, which a
// name stated in a file may be made to look like (assess.LooksLike):
// the names keys are trusted under, whoever is making this change, and
// everyone in this database's audit trail (in team mode, the logins).
func (db *DB) knownNames(ctx context.Context, tx *sql.Tx, trusted *ledger.Keyring) ([]string, error) {
	names := []string{db.actor(ctx)}
	for _, t := range trusted.Keys() {
		if !t.Own { // an own key's name is a label ("you"), not a person's
			names = append(names, t.Name)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT actor FROM events`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}
