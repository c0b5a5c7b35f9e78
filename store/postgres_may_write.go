package store

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5/pgconn"
)

// mayWrite asks the server whether the login (the one a test acts as,
// too: current_user) may insert and update rows of table. When it may
// not, the login's roles are read again in tx, since they may have been
// revoked since the handle read them, and the refusal is the one the
// server gives a write to table (refused), naming the roles held now.
func (d *pgDialect) mayWrite(ctx context.Context, tx *sql.Tx, table string) error {
	var may bool
	err := tx.QueryRowContext(ctx, `SELECT has_table_privilege(?::text, 'INSERT') AND has_table_privilege(?::text, 'UPDATE')`, table, table).Scan(&may)
	if err != nil || may {
		return err
	}
	if roles, err := queryColumn(ctx, tx, pgRolesQuery); err == nil {
		d.mu.Lock()
		d.roles = append([]string{}, roles...)
		d.mu.Unlock()
	}
	return d.refused(&pgconn.PgError{Code: "42501", Message: "permission denied for table " + table})
}
