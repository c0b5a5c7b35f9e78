package store

import (
	"errors"

	"github.com/assay-dev/assay/assess"
)

// A team database that goes away while assay migrate --to copies into
// it surfaced as whatever the driver was doing then ("unexpected EOF",
// "driver: bad connection", a socket's path), or as "cannot reach the
// team database; nothing was recorded" when it went at the commit, of a
// copy the server may have committed. The server keeps nothing of a
// transaction it did not commit: lost before the commit, nothing was
// copied. Lost during the commit, assay cannot tell whether the server
// committed it before it went, and says how to find out.

// lostTarget reports whether err, from a copy into to, means the
// connection to to, a team database, went away: the driver's own error,
// or the words failure() gave it (unreachable, connection lost).
func lostTarget(to *DB, err error) bool {
	if !to.dialect.team() {
		return false
	}
	var said *assess.Error
	return to.dialect.connectionLost(err) || errors.As(err, &said) && said.Code == assess.EUnavailable
}

// lostIntoCopy is the error of a copy into to whose connection went
// away; atCommit when it went once the commit was sent, or perhaps sent,
// which the commit of every write tells alike (DB.run, commitSent).
func lostIntoCopy(from, to *DB, atCommit bool) error {
	if atCommit {
		return assess.Errorf(assess.EUnavailable,
			"the connection to the team database %s was lost as the copy was being committed (the server stopped, or the network to it failed), so assay cannot tell whether the server committed it. "+
				"Once the server is back, run %s: if it holds the portfolio, intact, the copy was made; if it holds none, run assay migrate again. %s is as it was",
			to.where(), to.verifyCommand(), from.where())
	}
	return assess.Errorf(assess.EUnavailable,
		"the connection to the team database %s was lost during the copy (the server stopped, or the network to it failed); nothing was copied into it, since the server keeps nothing of a copy it did not commit, and %s is as it was. Run assay migrate again once the server is back",
		to.where(), from.where())
}
