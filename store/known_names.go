package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
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

// fileNamesAlike are the names the file's sign-offs and audit records
// are made under that are drawn like a name known here and are not it
// (assess.LooksLike), each once, in the file's order: the file's word,
// like its exporter's name, which is compared on its own and not again.
func fileNamesAlike(f *export.File, known []string) []assess.NameAlike {
	var names []string
	for _, s := range f.SignOffs {
		names = append(names, s.Name)
	}
	for _, e := range f.Events {
		names = append(names, e.Actor)
	}
	var alike []assess.NameAlike
	seen := map[string]bool{f.ExportedBy: true}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		if like := assess.LooksLike(n, known...); like != "" {
			alike = append(alike, assess.NameAlike{Name: n, Like: like})
		}
	}
	return alike
}
