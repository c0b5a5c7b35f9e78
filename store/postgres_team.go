package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// Team administration (assay team): the roles, the schema, and who holds
// which role. Each function returns the statements it ran, in order, so
// that the command can say exactly what it did; none holds a password.

// TeamRoles are the roles a login can be granted, and what each may do.
var TeamRoles = []struct{ Name, May string }{
	{assess.RoleAnalyst, "create assessments, answer, edit plans and subjects, submit, withdraw and revise"},
	{assess.RoleApprover, "approve or reject an assessment someone else submitted, give the DPO's opinion"},
	{assess.RoleAuditor, "read everything and verify it; change nothing"},
	{assess.RoleOwner, "set up and upgrade the schema, grant roles, import and migrate history written elsewhere"},
}

func isTeamRole(r string) bool {
	return slices.ContainsFunc(TeamRoles, func(x struct{ Name, May string }) bool { return x.Name == r })
}

// teamAdmin is a connection of the login running assay team.
type teamAdmin struct {
	db    *sql.DB
	d     *pgDialect
	where string
	ran   []string
	// key signs the records of the grants it makes (schema 011), asked
	// for only when one is written; nil for what records none.
	key KeySource
	// ledgerGap is set when grants were recorded that no ledger entry
	// records, the login being one that may not write the ledger.
	ledgerGap bool
}

// KeySource gives the signing key of the login running assay team, asked
// for only when a grant is recorded: the command line loads the person's
// key then, creating it if they have none.
type KeySource func() (*ledger.PrivateKey, error)

func openTeamAdmin(ctx context.Context, dsn string) (*teamAdmin, error) {
	sqldb, d, err := connectTeam(ctx, dsn, false)
	if err != nil {
		return nil, err
	}
	sqldb.SetMaxOpenConns(1)
	return &teamAdmin{db: sqldb, d: d, where: d.short}, nil // named as OpenTeam names it
}

// signedGrant is the record of login's role given or taken (action) by
// this login, signed with its key, to go at tip.
func (t *teamAdmin) signedGrant(tip grantTip, login, role, action string) (ledger.GrantRecord, error) {
	rec := ledger.GrantRecord{Seq: tip.seq, Login: login, Role: role, Action: action, ByLogin: t.d.login,
		At: time.Now().UTC().Format("2006-01-02T15:04:05Z"), PrevHash: tip.prev, Team: tip.team}
	k, err := t.signingKey()
	if err != nil {
		return rec, fmt.Errorf("signing the record of the grant: %w; nothing was changed", err)
	}
	rec.SealGrant(k)
	return rec, nil
}

// signingKey is the key of the login running assay team.
func (t *teamAdmin) signingKey() (*ledger.PrivateKey, error) {
	if t.key == nil {
		return nil, errors.New("assay has no signing key here")
	}
	k, err := t.key()
	if err == nil && k == nil {
		err = errors.New("no key")
	}
	return k, err
}

func (t *teamAdmin) close() { t.db.Close() }

// failure words the server's error as a write's: assay team changes the
// database, or reads it to change it.
func (t *teamAdmin) failure(err error) error { return t.d.worded(t.where, err, false) }

// exec runs one statement and notes it.
func (t *teamAdmin) exec(ctx context.Context, q interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, stmt string) error {
	if _, err := q.ExecContext(ctx, stmt); err != nil {
		return t.failure(fmt.Errorf("%s: %w", firstLine(stmt), err))
	}
	t.ran = append(t.ran, stmt)
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// ensureRoles creates the four roles the schema grants to, if missing.
// Roles belong to the server, not to one database: every team database
// on the server shares them.
func (t *teamAdmin) ensureRoles(ctx context.Context) error {
	return t.makeRoles(ctx, teamRolePrefix)
}

// makeRoles creates the team roles named prefix+role that are missing.
// Another assay team init on the same server (another team's schema) may
// make one between the look and the CREATE: the server then says that it
// exists (42710) or, when both CREATEs are under way at the same moment,
// that the unique index of role names refused this one (23505). Either
// way the role is there, as wanted.
func (t *teamAdmin) makeRoles(ctx context.Context, prefix string) error {
	for _, r := range TeamRoles {
		var n int
		if err := t.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_roles WHERE rolname = ?`, prefix+r.Name).Scan(&n); err != nil {
			return t.failure(err)
		}
		if n > 0 {
			continue
		}
		stmt := "CREATE ROLE " + prefix + r.Name + " NOLOGIN"
		if _, err := t.db.ExecContext(ctx, stmt); err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && (pe.Code == "42710" || pe.Code == "23505") {
				continue
			}
			return t.failure(fmt.Errorf("%s: %w", stmt, err))
		}
		t.ran = append(t.ran, stmt)
	}
	return nil
}

// TeamInit sets up (or brings up to date) the team schema the connection
// string names (its search_path, else "assay"): the roles, the schema
// owned by assay_owner, the migrations this assay has and the database
// lacks, applied as assay_owner, and owner membership for the login
// running it. It returns the statements it ran; a database already up to
// date runs none.
func TeamInit(ctx context.Context, dsn string, key KeySource) ([]string, error) {
	t, err := openTeamAdmin(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer t.close()
	t.key = key
	return t.init(ctx, "")
}

// init is TeamInit applying the migrations up to version last only (""
// for all): the tests make the database an older assay made.
func (t *teamAdmin) init(ctx context.Context, last string) ([]string, error) {
	if err := t.mayInit(ctx); err != nil {
		return nil, err
	}
	if err := t.ensureRoles(ctx); err != nil {
		return t.ran, err
	}
	if err := t.grantOwnerToSelf(ctx); err != nil {
		return t.ran, err
	}
	schema, err := t.schema(ctx)
	if err != nil {
		return t.ran, err
	}
	quoted := pgx.Identifier{schema}.Sanitize()
	var exists bool
	if err := t.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)`, schema).Scan(&exists); err != nil {
		return t.ran, t.failure(err)
	}
	if !exists {
		if err := t.exec(ctx, t.db, "CREATE SCHEMA "+quoted+" AUTHORIZATION assay_owner"); err != nil {
			return t.ran, err
		}
	}
	// The migrations run in one transaction, which the statements printed
	// show as it ran: BEGIN … COMMIT, or ROLLBACK when it failed (and
	// nothing of it stayed). A database already up to date prints none.
	before := len(t.ran)
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return t.ran, t.failure(err)
	}
	t.ran = append(t.ran, "BEGIN")
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	fail := func(err error) ([]string, error) {
		return append(t.ran, "ROLLBACK"), err
	}
	// Objects are made by, and so belong to, assay_owner; functions keep
	// this search path (SET search_path FROM CURRENT). The lock keeps two
	// assay team init from applying one migration twice.
	for _, stmt := range []string{"SET LOCAL ROLE assay_owner", "SET LOCAL search_path = " + quoted + ", pg_temp",
		`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.migrations'))`} {
		if err := t.exec(ctx, tx, stmt); err != nil {
			return fail(err)
		}
	}
	var applied []string
	var hasTable bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&hasTable); err != nil {
		return fail(t.failure(err))
	}
	if hasTable {
		if applied, err = queryColumn(ctx, tx, `SELECT version FROM schema_migrations`); err != nil {
			return fail(t.failure(err))
		}
	}
	names, err := postgresMigrations()
	if err != nil {
		return fail(err)
	}
	known, _ := postgresVersions()
	for _, v := range applied {
		if !slices.Contains(known, v) {
			return fail(fmt.Errorf("%s: this team database was set up by a newer assay (schema %s); upgrade assay", t.where, v))
		}
	}
	pending := 0
	for _, name := range names {
		version := migrationVersion(name)
		if last != "" && version > last {
			break
		}
		if slices.Contains(applied, version) {
			continue
		}
		pending++
		stmts, err := migrationStatements(name, schema)
		if err != nil {
			return fail(err)
		}
		for _, stmt := range stmts {
			if err := t.exec(ctx, tx, stmt); err != nil {
				return fail(err)
			}
		}
		// The version is one of assay's own file names: written into the
		// statement, so that what is printed is what ran.
		record := `INSERT INTO schema_migrations (version, applied_at) VALUES ('` + strings.ReplaceAll(version, "'", "''") +
			`', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))`
		if err := t.exec(ctx, tx, record); err != nil {
			return fail(err)
		}
	}
	if pending == 0 {
		t.ran = t.ran[:before]
		return t.ran, nil
	}
	if err := tx.Commit(); err != nil {
		return fail(t.failure(err))
	}
	committed = true
	return append(t.ran, "COMMIT"), nil
}

// mayInit refuses, before anything runs, a login that may neither make
// the roles and take the owner role (a superuser, CREATEROLE) nor holds
// the owner role already: the server would refuse its first statement
// with "must have admin option on role assay_owner", which says nothing
// of who may.
func (t *teamAdmin) mayInit(ctx context.Context) error {
	var may bool
	if err := t.db.QueryRowContext(ctx, `SELECT r.rolsuper OR r.rolcreaterole OR EXISTS (SELECT 1 FROM pg_roles o
		WHERE o.rolname = 'assay_owner' AND pg_has_role(session_user, o.oid, 'MEMBER'))
		FROM pg_roles r WHERE r.rolname = session_user`).Scan(&may); err != nil {
		return t.failure(err)
	}
	if may {
		return nil
	}
	return assess.Errorf(assess.EInvalid, "login %s may not set up or upgrade the team database: assay team init takes a login holding the role owner, or the server's administrator (a superuser, or a login with CREATEROLE); nothing was changed",
		t.d.login)
}

// schema is the schema the connection's search_path names first.
func (t *teamAdmin) schema(ctx context.Context) (string, error) {
	var path string
	if err := t.db.QueryRowContext(ctx, `SELECT current_setting('search_path')`).Scan(&path); err != nil {
		return "", t.failure(err)
	}
	for _, p := range strings.Split(path, ",") {
		p = strings.TrimSpace(p)
		if p == "" || p == `"$user"` || p == "pg_temp" || p == "pg_catalog" {
			continue
		}
		return strings.Trim(p, `"`), nil
	}
	return defaultSchema, nil
}

// grantOwnerToSelf makes the login running team init a member of
// assay_owner, which it needs to make the schema's objects as that role.
func (t *teamAdmin) grantOwnerToSelf(ctx context.Context) error {
	var member bool
	if err := t.db.QueryRowContext(ctx, `SELECT pg_has_role(session_user, 'assay_owner', 'MEMBER')`).Scan(&member); err != nil {
		return t.failure(err)
	}
	if member {
		return nil
	}
	if err := t.exec(ctx, t.db, "GRANT assay_owner TO "+pgx.Identifier{t.d.login}.Sanitize()); err != nil {
		return err
	}
	// A schema at 010 or later records it, as assay team grant would; an
	// older one records it as found when 010 is applied. The function is
	// named with its schema: the session's search path was resolved
	// before the login could use the schema, and PostgreSQL keeps it.
	schema, err := t.schema(ctx)
	if err != nil {
		return err
	}
	recorder := pgx.Identifier{schema, "assay_record_grant"}.Sanitize()
	var exists, signed, bound bool
	if err := t.db.QueryRowContext(ctx, `SELECT to_regproc(?) IS NOT NULL, to_regprocedure(?) IS NOT NULL, to_regprocedure(?) IS NOT NULL`,
		recorder, pgx.Identifier{schema}.Sanitize()+"."+signedRecorder, pgx.Identifier{schema}.Sanitize()+"."+boundRecorder).Scan(&exists, &signed, &bound); err != nil {
		return t.failure(err)
	}
	if !exists {
		return nil
	}
	rec := ledger.GrantRecord{Login: t.d.login, Role: assess.RoleOwner, Action: "grant"}
	if signed || bound {
		// Before schema 011 the record is unsigned; 011 is applied
		// after this, and its first signed record covers it. Before 012
		// it is bound to no team database (grantHead reads no identity).
		tip, err := grantHead(ctx, t.db, schema)
		if err != nil {
			return t.failure(err)
		}
		if rec, err = t.signedGrant(tip, t.d.login, assess.RoleOwner, "grant"); err != nil {
			return err
		}
	}
	return t.exec(ctx, t.db, strings.Replace(recordGrantStatement(rec), "assay_record_grant", recorder, 1))
}

// TeamChange is what assay team grant or revoke did: the statements it
// ran, and whether no ledger entry records the grants it recorded.
type TeamChange struct {
	Ran []string
	// LedgerGap is a sentence for the person, "" unless the login may
	// grant but not write the ledger (it holds none of the analyst,
	// approver and owner roles): the grants are made and recorded,
	// signed, but until a ledger entry sees their record (the next key
	// registered, or verify checkpoint), the newest records cut off go
	// unnoticed (docs/security.md).
	LedgerGap string
}

// TeamGrant grants a login team roles; TeamRevoke takes them back. The
// login must exist on the server (CREATE ROLE name LOGIN, with the
// password set in psql, never on a command line).
// Each grant and revocation is recorded signed with key, the key of the
// login running it.
func TeamGrant(ctx context.Context, dsn string, key KeySource, login string, roles []string) ([]string, error) {
	c, err := ChangeTeamRoles(ctx, dsn, key, login, roles, true)
	return c.Ran, err
}

// TeamRevoke takes team roles back from a login.
func TeamRevoke(ctx context.Context, dsn string, key KeySource, login string, roles []string) ([]string, error) {
	c, err := ChangeTeamRoles(ctx, dsn, key, login, roles, false)
	return c.Ran, err
}

// ChangeTeamRoles grants a login team roles (grant) or takes them back,
// as TeamGrant and TeamRevoke do, and says too what the ledger could not
// record.
func ChangeTeamRoles(ctx context.Context, dsn string, key KeySource, login string, roles []string, grant bool) (TeamChange, error) {
	if grant {
		// Every change is recorded under the login's name, which must be
		// one line of plain text (events.go): a role for a login assay
		// would refuse is no use, and the GRANT printed back would carry
		// the escape to the terminal. Revoking stays possible.
		if _, err := assess.CleanName("the login name", login); err != nil {
			return TeamChange{}, assess.Errorf(assess.EInvalid, "%v; nothing was changed: rename the login first (ALTER ROLE … RENAME TO)", err)
		}
	}
	if len(roles) == 0 {
		return TeamChange{}, assess.Errorf(assess.EInvalid, "name at least one role: %s", roleNames())
	}
	for _, r := range roles {
		if !isTeamRole(r) {
			return TeamChange{}, assess.Errorf(assess.EInvalid, "%q is not a team role (the roles are %s)", r, roleNames())
		}
	}
	t, err := openTeamAdmin(ctx, dsn)
	if err != nil {
		return TeamChange{}, err
	}
	defer t.close()
	t.key = key
	ran, err := t.membership(ctx, login, roles, grant)
	c := TeamChange{Ran: ran}
	if err == nil && t.ledgerGap {
		what := map[bool]string{true: "grant", false: "revocation"}[grant]
		c.LedgerGap = fmt.Sprintf("the %s is made and its record signed, but no ledger entry records it: login %s may %s roles but not write the ledger "+
			"(it holds none of the analyst, approver and owner roles), and until an entry does, assay verify cannot tell that record cut off; "+
			"run assay verify --checkpoint as a login holding the analyst, approver or owner role", what, t.d.login, map[bool]string{true: "grant", false: "revoke"}[grant])
	}
	return c, err
}

// membershipChanged is called inside a grant's or revocation's
// transaction once a role is granted or taken back, before its signed
// record: a binary built for tests stops there (stop_hooks.go), to be
// killed with the role changed and not recorded.
var membershipChanged = func() {}

// membership grants or revokes the roles on t's connection.
func (t *teamAdmin) membership(ctx context.Context, login string, roles []string, grant bool) ([]string, error) {
	// Roles are granted to logins only; they are taken back from any role
	// holding them, a login since made NOLOGIN and a group role included
	// (assay team list shows them), or they could not be taken back.
	var n int
	if err := t.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_roles WHERE rolname = ? AND (rolcanlogin OR NOT ?)`, login, grant).Scan(&n); err != nil {
		return nil, t.failure(err)
	}
	if n == 0 {
		return nil, assess.Errorf(assess.ENotFound, "the server has no login %q: create it first, in psql as a superuser: CREATE ROLE %s LOGIN; then \\password %s (never a password on a command line)",
			login, pgx.Identifier{login}.Sanitize(), pgx.Identifier{login}.Sanitize())
	}
	for _, r := range roles {
		var may bool
		if err := t.db.QueryRowContext(ctx, `SELECT rolsuper OR rolcreaterole OR pg_has_role(session_user, ?, 'MEMBER WITH ADMIN OPTION')
			FROM pg_roles WHERE rolname = session_user`, "assay_"+r).Scan(&may); err != nil {
			return t.ran, t.failure(err)
		}
		if !may {
			return t.ran, assess.Errorf(assess.EInvalid, "login %s may not grant or revoke the role %s: that takes a superuser, a login with CREATEROLE (such as the one that ran assay team init), or one granted assay_%s WITH ADMIN OPTION; nothing was changed",
				t.d.login, r, r)
		}
	}
	// The record is written in the team schema: one set up before 010
	// has none, and a login that may not use the schema (one that may
	// manage roles but holds no team role) may not write it.
	schema, err := t.schema(ctx)
	if err != nil {
		return t.ran, err
	}
	var recorder, usage bool
	if err := t.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname = ? AND p.proname = 'assay_record_grant' AND p.pronargs = 10),
		COALESCE((SELECT has_schema_privilege(n.oid, 'USAGE') FROM pg_namespace n WHERE n.nspname = ?), false)`, schema, schema).Scan(&recorder, &usage); err != nil {
		return t.ran, t.failure(err)
	}
	if !recorder {
		return t.ran, assess.Errorf(assess.EInvalid, "%s: this team database was set up by an older assay, which kept no record of who was granted which role signed for this database; run assay team init first; nothing was changed", t.where)
	}
	if !usage {
		return t.ran, assess.Errorf(assess.EInvalid, "login %s may not use the team schema %s, where assay records who was granted which role: run it as a login holding the owner role (such as the one that ran assay team init) or a superuser; nothing was changed",
			t.d.login, schema)
	}
	// The memberships, their record and, on revoke, the login's own
	// privileges on assay's objects change in one transaction: a grant
	// is never left unrecorded, nor a revocation half done.
	tx, err := t.db.BeginTx(ctx, nil)
	if err != nil {
		return t.ran, t.failure(err)
	}
	defer tx.Rollback()
	// ran is what ran inside the transaction; a failure returns it
	// between BEGIN and ROLLBACK, which undid it.
	var ran []string
	run := func(stmt string) error {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return t.failure(fmt.Errorf("%s: %w", firstLine(stmt), err))
		}
		ran = append(ran, stmt)
		return nil
	}
	undone := func() []string { return append(append(append(t.ran, "BEGIN"), ran...), "ROLLBACK") }
	ident := pgx.Identifier{login}.Sanitize()
	tip, err := grantHead(ctx, tx, "")
	if err != nil {
		return undone(), t.failure(err)
	}
	first := tip
	for _, r := range roles {
		// recorded: the latest record gives the role; signed: by a
		// record signed since schema 011. A grant recorded before
		// that is recorded again, signed, by the next assay team grant.
		var member, recorded, signed bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
			WHERE r.rolname = ? AND u.rolname = ?),
			COALESCE((SELECT action <> 'revoke' FROM team_grants WHERE login = ? AND role = ? ORDER BY id DESC LIMIT 1), false),
			COALESCE((SELECT seq IS NOT NULL FROM team_grants WHERE login = ? AND role = ? ORDER BY id DESC LIMIT 1), false)`,
			"assay_"+r, login, login, r, login, r).Scan(&member, &recorded, &signed); err != nil {
			return undone(), t.failure(err)
		}
		// A membership granted outside assay is recorded by a grant (the
		// owner meant it) or taken back and recorded by a revoke.
		if member != grant {
			stmt := "GRANT assay_" + r + " TO " + ident
			if !grant {
				stmt = "REVOKE assay_" + r + " FROM " + ident
			}
			if err := run(stmt); err != nil {
				return undone(), err
			}
			membershipChanged()
		}
		if member != grant || recorded != grant || (grant && !signed) {
			rec, err := t.signedGrant(tip, login, r, map[bool]string{true: "grant", false: "revoke"}[grant])
			if err != nil {
				return undone(), err
			}
			if err := run(recordGrantStatement(rec)); err != nil {
				return undone(), err
			}
			tip = tip.after(rec)
		}
	}
	if tip != first {
		stmt, err := t.grantsEntry(ctx, tx, tip.seen())
		if err != nil {
			return undone(), err
		}
		if stmt != "" {
			if err := run(stmt); err != nil {
				return undone(), err
			}
		}
	}
	if !grant {
		revokes, err := queryColumn(ctx, tx, directPrivilegesQuery, login)
		if err != nil {
			return undone(), t.failure(err)
		}
		for _, stmt := range revokes {
			if err := run(stmt); err != nil {
				return undone(), err
			}
		}
		// The server skips, with a mere warning, a REVOKE of what the
		// login running it did not grant and does not own (one holding
		// the role WITH ADMIN OPTION only): what is left is named, and
		// nothing is changed, rather than printed as taken.
		left, err := queryColumn(ctx, tx, directPrivilegesQuery, login)
		if err != nil {
			return undone(), t.failure(err)
		}
		if len(left) > 0 {
			return undone(), assess.Errorf(assess.EInvalid, "login %s may not take back what %s was granted by name on the team schema (%s): a superuser, or a login holding the owner role, may; nothing was changed",
				t.d.login, login, strings.Join(left, "; "))
		}
	}
	if len(ran) == 0 {
		return t.ran, nil
	}
	if err := tx.Commit(); err != nil {
		return undone(), t.failure(err)
	}
	t.ran = append(append(append(t.ran, "BEGIN"), ran...), "COMMIT")
	return t.ran, nil
}

func roleNames() string {
	var names []string
	for _, r := range TeamRoles {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

// TeamMember is a login and the team roles it holds, with what makes a
// login left over from the past stand out: it cannot log in, or it has
// never registered a signing key in this portfolio.
type TeamMember struct {
	Login string
	Roles []string
	// CannotLogIn says why the role cannot log in ("" when it can): not a
	// login at all (NOLOGIN), or its password expired (VALID UNTIL).
	CannotLogIn string
	// Keys is how many signing keys it registered in this portfolio's
	// ledger; -1 when the portfolio has no ledger yet (before assay team
	// init).
	Keys int
	// OutsideAssay are the roles it holds that assay team grant never
	// recorded in this database, nor found there at the upgrade to
	// schema 010 (postgres_grants.go): granted in psql, or for another
	// team database on the server.
	OutsideAssay []string
	// FirstRecorded is the number of the first grant of a team role to
	// it that this database records (granted by assay, or found at the
	// upgrade to schema 010); 0 when none is. Of two logins drawn alike,
	// the one recorded first is the one the other looks like.
	FirstRecorded int64
}

// TeamMembers lists the logins holding a team role, by name.
func TeamMembers(ctx context.Context, dsn string) ([]TeamMember, error) {
	t, err := openTeamAdmin(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer t.close()
	var hasLedger bool
	if err := t.db.QueryRowContext(ctx, `SELECT to_regclass('ledger') IS NOT NULL`).Scan(&hasLedger); err != nil {
		return nil, t.failure(err)
	}
	keys := `-1`
	if hasLedger {
		keys = `(SELECT COUNT(*) FROM ledger l WHERE l.kind IN ('genesis', 'key') AND l.note::jsonb ->> 'name' = u.rolname)`
	}
	var hasRecord bool
	if err := t.db.QueryRowContext(ctx, `SELECT to_regclass('team_grants') IS NOT NULL`).Scan(&hasRecord); err != nil {
		return nil, t.failure(err)
	}
	outside, first := `false`, `0`
	if hasRecord {
		first = `COALESCE((SELECT MIN(g.id) FROM team_grants g WHERE g.login = u.rolname AND g.action <> 'revoke'), 0)`
		outside = `NOT COALESCE((SELECT g.action <> 'revoke' FROM team_grants g WHERE g.login = u.rolname AND g.role = substr(r.rolname, 7)
			ORDER BY g.id DESC LIMIT 1), false)`
	}
	rows, err := t.db.QueryContext(ctx, `SELECT u.rolname, substr(r.rolname, 7),
			CASE WHEN NOT u.rolcanlogin THEN 'not a login (NOLOGIN)'
				WHEN u.rolvaliduntil < now() THEN 'its password expired on ' || to_char(u.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD')
				ELSE '' END, `+keys+`, `+outside+`, `+first+`
		FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
		WHERE r.rolname IN ('assay_owner', 'assay_analyst', 'assay_approver', 'assay_auditor') ORDER BY 1, 2`)
	if err != nil {
		return nil, t.failure(err)
	}
	defer rows.Close()
	var out []TeamMember
	for rows.Next() {
		var m TeamMember
		var role string
		var unrecorded bool
		if err := rows.Scan(&m.Login, &role, &m.CannotLogIn, &m.Keys, &unrecorded, &m.FirstRecorded); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Login != m.Login {
			out = append(out, m)
		}
		last := &out[len(out)-1]
		last.Roles = append(last.Roles, role)
		if unrecorded {
			last.OutsideAssay = append(last.OutsideAssay, role)
		}
	}
	return out, rows.Err()
}
