package store

import (
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
)

// A team database that goes away in the middle of a copy from it (its
// server stopped, even with pg_ctl -m immediate, or the network between
// cut) surfaces as whatever the driver was doing then: "unexpected EOF"
// while rows streamed, "driver: bad connection" or "conn closed" on the
// next query. lostDuringCopy says it in words instead: the connection was
// lost, and the target holds nothing of the copy.

// connectionLost reports whether err, from a copy reading from a team
// database, means its connection went away.
func (*pgDialect) connectionLost(err error) bool {
	if err == nil {
		return false
	}
	var ne net.Error
	var pe *pgconn.PgError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, pgconn.ErrConnClosed), errors.As(err, &ne):
		return true
	case errors.As(err, &pe):
		// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
		// cannot_connect_now: the server is stopping.
		return strings.HasPrefix(pe.Code, "57P0")
	}
	// pgconn's error for a query on a connection it already closed has
	// no type of its own to test.
	return strings.Contains(err.Error(), "conn closed")
}

// lostDuringCopy is the error of a copy whose source went away.
func lostDuringCopy(from, to *DB) error {
	return assess.Errorf(assess.EInternal,
		"the connection to the team database %s was lost during the copy (the server stopped, or the network to it failed); nothing was written to %s. Run assay migrate again once the server is back",
		from.path, to.where())
}
