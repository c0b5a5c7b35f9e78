package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/assay-dev/assay/assess"
)

// The team store: the same store on a PostgreSQL server, through pgx's
// database/sql driver (postgres_driver.go). What differs from SQLite is
// here and in the other postgres_*.go files: opening, the schema
// (migrations_postgres/, applied by assay team), locking, identity and
// the server's error codes.

// defaultSchema is the schema a team's tables live in when the connection
// string sets no search_path.
const defaultSchema = "assay"

// pgDialect is the team database.
type pgDialect struct {
	secret string          // the password the connection string holds, never shown
	notice string          // why the password file was not read, for a refused login
	cfg    *pgx.ConnConfig // how to connect, for a watcher's own connection
	login  string
	// short names the server in a status line (briefServerName): the
	// connection string whole is for the command line's messages.
	short string
	// given is the connection string without its password: how a person
	// names this database to assay --db in a command a message suggests.
	given string
	mu    sync.Mutex // guards roles, read again after a refusal (recheckRoles)
	roles []string
	// actAs, in tests only, makes each write transaction act as the
	// login the context names (SET LOCAL SESSION AUTHORIZATION, which
	// only a superuser may), so that the store's tests, written with one
	// handle and many people, run against the server's checks of each
	// person's login and roles.
	actAs bool
	save  pgSave // what the pipelined save knows (postgres_save.go)
}

func (d *pgDialect) begin(ctx context.Context, tx *sql.Tx, write bool) error {
	if !d.actAs || !write {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SET LOCAL SESSION AUTHORIZATION `+pgx.Identifier{assess.ActorFrom(ctx)}.Sanitize())
	return err
}

func (d *pgDialect) name() string { return "PostgreSQL" }

// viewOptions: a read sees the database as it was at its first query,
// however many queries it takes (PostgreSQL's default sees each query's
// own moment).
func (d *pgDialect) viewOptions() *sql.TxOptions {
	return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
}

// lock takes the owner's row lock: every write to an assessment or a
// subject takes it first, so they run one after the other, each on the
// other's result, and audit records are appended one at a time.
func (d *pgDialect) lock(ctx context.Context, tx *sql.Tx, o owner) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM `+o.c.owner+` WHERE id = ? FOR UPDATE`, o.id).Scan(&id)
	if isNoRows(err) {
		return nil // the write reports the missing row in its own words
	}
	return err
}

// lockNames takes a transaction lock of its own: subjects are created and
// renamed one at a time, so that two that compare equal are never both
// made (names compare by assess.NameKey, beyond what an index can).
func (d *pgDialect) lockNames(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.subjects'))`)
	return err
}

func (d *pgDialect) isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// OpenTeam opens the team database a PostgreSQL connection string names.
// The schema must be there (assay team init makes it) and not newer than
// this assay's. Every change is recorded under the login the server
// authenticated.
func OpenTeam(dsn string, decode Decoder) (*DB, error) {
	return openTeam(dsn, decode, false)
}

// OpenTeamToRead is OpenTeam for a command that only reads (assay list,
// report, verify): a server it cannot reach, or lost, is said as what
// could not be read, not as a change that was not recorded, which the
// command never meant to make.
func OpenTeamToRead(dsn string, decode Decoder) (*DB, error) {
	return openTeam(dsn, decode, true)
}

func openTeam(dsn string, decode Decoder, toRead bool) (*DB, error) {
	ctx := context.Background()
	sqldb, d, err := connectTeam(ctx, dsn, toRead)
	if err != nil {
		return nil, err
	}
	// Messages name the server as a person knows it (briefServerName),
	// not by the connection string: its options are the setup's.
	db := newDB(sqldb, d.short, decode)
	db.dialect, db.login, db.wording = d, d.login, wordingOf(toRead)
	if err := db.checkTeamSchema(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return db, nil
}

// connectTeam opens a pool on the server and learns who the login is;
// toRead: for a command that only reads, whose failure to connect says
// that nothing could be read.
func connectTeam(ctx context.Context, dsn string, toRead bool) (*sql.DB, *pgDialect, error) {
	d := &pgDialect{secret: passwordOf(dsn), notice: passFileNotice(dsn), given: Redact(strings.TrimSpace(dsn))}
	// A URL that does not parse is refused before pgx reads it its own
	// way, which may take part of a password for a host name.
	if strings.Contains(dsn, "://") {
		if _, err := url.Parse(strings.TrimSpace(dsn)); err != nil {
			return nil, nil, assess.Errorf(assess.EInvalid, "%s is not a connection string assay can read: it does not parse as a URL (a password with @, :, / or %% in it must be written %%-encoded, or kept in ~/.pgpass)", Redact(dsn))
		}
	}
	cfg, err := teamConfig(dsn)
	if err != nil {
		return nil, nil, d.scrub(fmt.Errorf("%s is not a connection string assay can read: %v", Redact(dsn), err), dsn)
	}
	if cfg.Password != "" {
		d.secret = cfg.Password // from the string, PGPASSWORD or a password file
	}
	if _, ok := cfg.RuntimeParams["search_path"]; !ok {
		cfg.RuntimeParams["search_path"] = defaultSchema
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "assay"
	}
	// A write waits for another session's lock no longer than the
	// workspace waits for a save; a connection string may set its own.
	if _, ok := cfg.RuntimeParams["lock_timeout"]; !ok {
		cfg.RuntimeParams["lock_timeout"] = strconv.FormatInt(assess.WriteWait.Milliseconds(), 10)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	d.cfg, d.short = cfg, briefServerName(cfg)
	sqldb := sql.OpenDB(pgConnector{inner: stdlib.GetConnector(*cfg)})
	sqldb.SetMaxOpenConns(8)
	sqldb.SetMaxIdleConns(4)
	var schema sql.NullString
	err = sqldb.QueryRowContext(ctx, `SELECT session_user, current_schema()`).Scan(&d.login, &schema)
	if err != nil {
		sqldb.Close()
		return nil, nil, d.worded(d.short, err, toRead)
	}
	rows, err := sqldb.QueryContext(ctx, pgRolesQuery)
	if err == nil {
		for rows.Next() {
			var r string
			if rows.Scan(&r) == nil {
				d.roles = append(d.roles, r)
			}
		}
		rows.Close()
	}
	return sqldb, d, nil
}

// checkTeamSchema refuses a database without assay's schema, with an
// older one (an owner upgrades it with assay team init) or a newer one.
func (db *DB) checkTeamSchema(ctx context.Context) error {
	var schema sql.NullString
	if err := db.sql.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return db.failure(err)
	}
	var exists bool
	if schema.Valid {
		if err := db.sql.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
			return db.failure(err)
		}
	}
	if !exists {
		return db.noPortfolio(ctx, schema)
	}
	applied, err := queryColumn(ctx, db.sql, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return db.failure(err)
	}
	known, err := postgresVersions()
	if err != nil {
		return err
	}
	for _, v := range applied {
		if !slices.Contains(known, v) {
			return fmt.Errorf("%s: this team database was set up by a newer assay (schema %s; this assay knows up to %s); upgrade assay", db.path, v, known[len(known)-1])
		}
	}
	for _, v := range known {
		if !slices.Contains(applied, v) {
			at := "none"
			if len(applied) > 0 {
				at = schemaNumber(applied[len(applied)-1])
			}
			return assess.Errorf(assess.EConflict, "%s: this team database's schema is at %s; an owner runs `assay team init` to bring it to %s, which this assay needs",
				db.path, at, schemaNumber(known[len(known)-1]))
		}
	}
	return nil
}

// noPortfolio says why the schema shows no portfolio. A login that holds
// no team role sees none of the schema (its USAGE is granted to the
// roles): that takes a grant, not assay team init, which would find
// nothing to do. Otherwise the schema is named as the connection string's
// search_path gives it, since current_schema() is NULL for one that does
// not exist.
func (db *DB) noPortfolio(ctx context.Context, current sql.NullString) error {
	d := db.dialect.(*pgDialect)
	name := schemaName(current)
	if !current.Valid && d.cfg != nil {
		name = firstSchema(d.cfg.RuntimeParams["search_path"])
	}
	var there bool
	if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, name).Scan(&there); err != nil {
		return db.failure(err)
	}
	if there && len(d.roles) == 0 {
		return assess.Errorf(assess.EInvalid, "login %s holds no team role (analyst, approver, auditor or owner), so it sees none of the portfolio in schema %s of %s: an owner grants one with assay team grant %s ROLE",
			d.login, name, db.path, d.login)
	}
	return assess.Errorf(assess.ENotFound, "%s holds no assay team portfolio (no schema %s with assay's tables): an owner sets it up with assay team init", db.path, name)
}

// firstSchema is the first schema a search_path names, without quotes;
// the default schema when it names none.
func firstSchema(path string) string {
	for _, s := range strings.Split(path, ",") {
		s = strings.Trim(strings.TrimSpace(s), `"`)
		if s != "" && s != "$user" {
			return s
		}
	}
	return defaultSchema
}

// schemaNumber is a migration's number, 001 for 001_team.
func schemaNumber(version string) string {
	n, _, _ := strings.Cut(version, "_")
	return n
}

func schemaName(s sql.NullString) string {
	if !s.Valid {
		return defaultSchema
	}
	return s.String
}

// Login is the database login every change is recorded under in team
// mode, "" for a SQLite file.
func (db *DB) Login() string { return db.login }

// Roles are the team roles (owner, analyst, approver, auditor) the login
// holds, never nil on a team database; nil for a SQLite file, where
// everything is allowed.
func (db *DB) Roles() []string { return db.dialect.heldRoles() }

// ReadRoles reads the login's team roles from the server again, and
// keeps them for Roles: a role granted or revoked since they were read
// counts from then on. A file has none (nil).
func (db *DB) ReadRoles(ctx context.Context) ([]string, error) {
	roles, err := db.dialect.readRoles(ctx, db.sql)
	if err != nil {
		return nil, db.failure(err)
	}
	return roles, nil
}

func (d *pgDialect) readRoles(ctx context.Context, sqldb *sql.DB) ([]string, error) {
	roles, err := queryColumn(ctx, sqldb, pgRolesQuery)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.roles = append([]string{}, roles...)
	d.mu.Unlock()
	return d.heldRoles(), nil
}

// Team reports whether the database is a team database on PostgreSQL.
func (db *DB) Team() bool { return db.dialect.team() }

func (*pgDialect) team() bool { return true }

// writersVary: the tests' handle acting as each person (actAs).
func (d *pgDialect) writersVary() bool { return d.actAs }

// Where names the database for messages: its file, or its login, server
// and database (login@host/database), without the password or the
// connection string's options.
func (db *DB) Where() string { return db.where() }

// scrub removes the password from an error's words, whatever produced
// them.
func (d *pgDialect) scrub(err error, dsn string) error {
	if err == nil {
		return nil
	}
	scrubbed := func(msg string) string {
		if d.secret != "" {
			msg = strings.ReplaceAll(msg, d.secret, "xxxxx")
		}
		if dsn != "" {
			msg = strings.ReplaceAll(msg, dsn, Redact(dsn))
		}
		return msg
	}
	msg := err.Error()
	clean := scrubbed(msg)
	if e, ok := err.(*assess.Error); ok && (clean != msg || scrubbed(e.Brief) != e.Brief) {
		// Kept a domain error: its code, and its brief for a status line.
		c := *e
		c.Message, c.Brief = scrubbed(e.Message), scrubbed(e.Brief)
		return &c
	}
	if clean == msg {
		return err
	}
	return errors.New(clean)
}

// lockForCopy: only an owner brings in history signed under other names
// (the server's triggers refuse anyone else too); the copy then holds
// every table of the portfolio against other writers until it commits.
func (d *pgDialect) lockForCopy(ctx context.Context, tx *sql.Tx) error {
	var owner bool
	if err := tx.QueryRowContext(ctx, `SELECT assay_is('owner')`).Scan(&owner); err != nil {
		return err
	}
	if !owner {
		return assess.Errorf(assess.EInvalid, "login %s may not copy a portfolio into the team database: that takes the owner role (an owner runs assay team grant %s owner)", d.login, d.login)
	}
	_, err := tx.ExecContext(ctx, `LOCK TABLE questionnaire_snapshots, subjects, assessments, answers, plan_edits, events,
		subject_events, signoffs, ledger, ledger_leaves, ledger_states, ledger_tip IN EXCLUSIVE MODE`)
	return err
}

// mayImport: an import whose answers, plan edits, sign-offs or audit
// records name anyone but the login brings in history written elsewhere,
// which the server lets in from an owner only (assay_may_copy). Said
// before the first row, naming the others and the role, where the
// server's own refusal names one row and no role.
func (d *pgDialect) mayImport(ctx context.Context, tx *sql.Tx, names []string) error {
	var login string
	var owner bool
	if err := tx.QueryRowContext(ctx, `SELECT session_user, assay_is('owner')`).Scan(&login, &owner); err != nil {
		return err
	}
	if owner {
		return nil
	}
	var others []string
	for _, n := range names {
		if n != login && !slices.Contains(others, n) {
			others = append(others, n)
		}
	}
	if len(others) == 0 {
		return nil
	}
	slices.Sort(others)
	return assess.Errorf(assess.EInvalid, "it holds changes recorded under %s, and bringing history written elsewhere into the team database under other names takes the owner role, which login %s does not have (it has %s): an owner imports it, or gives the login the role with assay team grant %s owner",
		quotedList(others), login, assess.RoleWords(d.heldRoles()), login)
}

// quotedList names each of names in quotes: "a", "b" and "c".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return assess.JoinAnd(q)
}

// afterCopy moves each identity column's sequence past the rows copied
// with their own IDs.
func (d *pgDialect) afterCopy(ctx context.Context, tx *sql.Tx) error {
	for _, table := range []string{"subjects", "assessments", "events", "subject_events", "signoffs"} {
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), COALESCE(max(id), 0) + 1, false) FROM `+table); err != nil {
			return err
		}
	}
	return nil
}

// connectionString is the connection string without its password.
func (d *pgDialect) connectionString() string { return d.given }
