package main

import (
	"fmt"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// Team mode: --db or $ASSAY_DB may name a PostgreSQL server (postgres://…,
// postgresql://…, or libpq's host=… dbname=…) instead of a SQLite file.
// Every command then works on the team's portfolio there, and whatever
// is recorded is recorded under the login the server authenticated: a
// person cannot claim to be someone else with --reviewer.

// openTarget opens the database --db names: a SQLite file, or a team
// database on a PostgreSQL server.
func (a *app) openTarget(value string) (*store.DB, error) {
	return a.openTargetMode(value, true)
}

// openTargetMode is openTarget, creating a missing SQLite file only if
// create says so (db_existing.go).
func (a *app) openTargetMode(value string, create bool) (*store.DB, error) {
	t, err := store.ParseTarget(value)
	if err != nil {
		return nil, err
	}
	if !t.Postgres && !create {
		return a.openExisting(t.Value)
	}
	if !t.Postgres {
		db, err := store.Open(t.Value, a.decoder().Decode)
		return db, openRefused(t.Value, err)
	}
	openTeam := store.OpenTeam
	if a.toRead {
		openTeam = store.OpenTeamToRead
	}
	db, err := openTeam(t.Value, a.decoder().Decode)
	if err != nil {
		return nil, err
	}
	if r := a.reviewer; r != "" && r != db.Login() {
		db.Close()
		return nil, fmt.Errorf("in team mode every change is recorded under your database login %s, not a name you give: --reviewer %s is refused (leave it out)",
			safetext.OneLine(db.Login()), safetext.OneLine(r))
	}
	return db, nil
}

// dbNamer is what named the database: --db, else $ASSAY_DB.
func (a *app) dbNamer() string {
	if a.dbNamedBy == "$ASSAY_DB" {
		return a.dbNamedBy
	}
	return "--db"
}

// isTeam reports whether --db names a team database.
func (a *app) isTeam() bool {
	t, err := store.ParseTarget(a.dbPath)
	return err == nil && t.Postgres
}

// teamLogin is the database login in team mode (opening the database if
// it is not open yet); ok is false for a SQLite file. A team database
// that does not open has no login: the command that needs it says why.
func (a *app) teamLogin() (string, bool) {
	if !a.isTeam() {
		return "", false
	}
	db, err := a.store()
	if err != nil {
		return "", true
	}
	return db.Login(), true
}

// warnPassword warns when a connection string given on the command line
// holds a password: other users of the machine see a process's arguments,
// and the shell keeps them in its history.
func (a *app) warnPassword(flag, value string) {
	if t, err := store.ParseTarget(value); err == nil && t.Postgres && store.HasPassword(value) {
		// A warning, and the command goes on: a sentence, not an error.
		inform(a.stderr, fmt.Sprintf("The connection string of %s holds a password, which other users of this machine can see "+
			"while assay runs and your shell keeps in its history; put it in ~/.pgpass (or the file PGPASSFILE names) instead", flag))
	}
}
