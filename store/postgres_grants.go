package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// Which logins hold which team role, against what assay team grant and
// revoke recorded (migration 010, table team_grants). PostgreSQL keeps no
// record of the program that granted a membership, so assay keeps its
// own, written only through assay_record_grant, and verify names:
//
//   - a login that has acted in this portfolio (it registered a signing
//     key in its ledger, which every login does with its first change)
//     and holds a team role, directly or through another role, that
//     assay never recorded granting it here, nor found at the upgrade to
//     010;
//   - a grant assay recorded that the login, still on the server, no
//     longer holds.
//
// Roles belong to the server, not to one database, and every team
// database on it shares them: a login granted a role for another team
// database holds it here too, but is named only once it acts here. A
// login that holds a role and never acts here (an auditor who only
// reads) is not named; assay team list shows every holder. A superuser
// holds every role without being granted any, and is not named either.
// docs/team.md says what this does not detect.

// grantDriftQuery reads, in one statement, what grantDrift names: kind
// ("outside" or "lost"), login, role.
const grantDriftQuery = `WITH recorded AS (
		SELECT DISTINCT ON (login, role) login, role, action FROM team_grants ORDER BY login, role, id DESC
	), actors AS (
		SELECT DISTINCT l.note::jsonb ->> 'name' AS login FROM ledger l WHERE l.kind IN ('genesis', 'key')
	)
	SELECT 'outside', u.rolname, substr(r.rolname, 7) FROM actors a
		JOIN pg_roles u ON u.rolname = a.login AND NOT u.rolsuper
		JOIN pg_roles r ON r.rolname IN ('assay_analyst', 'assay_approver', 'assay_auditor', 'assay_owner') AND pg_has_role(u.oid, r.oid, 'MEMBER')
		LEFT JOIN recorded c ON c.login = u.rolname AND c.role = substr(r.rolname, 7)
		WHERE c.action IS NULL OR c.action = 'revoke'
	UNION ALL
	SELECT 'lost', c.login, c.role FROM recorded c JOIN pg_roles u ON u.rolname = c.login
		WHERE c.action = 'grant' AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
			WHERE m.member = u.oid AND r.rolname = 'assay_' || c.role)
	ORDER BY 2, 3, 1`

// grantDrift says, in words, each difference between the team roles held
// and the grants recorded. A schema without the record (older than 010)
// has nothing to compare: the schema's own comparison names the missing
// table.
func grantDrift(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]string, error) {
	has, err := queryColumn(ctx, q, `SELECT 'yes' WHERE to_regclass('team_grants') IS NOT NULL`)
	if err != nil || len(has) == 0 {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, grantDriftQuery)
	if err != nil {
		return nil, fmt.Errorf("reading who holds the team roles: %w", err)
	}
	var drift [][3]string // kind, login, role
	for rows.Next() {
		var d [3]string
		if err := rows.Scan(&d[0], &d[1], &d[2]); err != nil {
			rows.Close()
			return nil, err
		}
		drift = append(drift, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var holders map[string][]string
	if slices.ContainsFunc(drift, func(d [3]string) bool { return d[0] == "outside" }) {
		if holders, err = teamRoleHolders(ctx, q); err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(drift))
	for _, d := range drift {
		out = append(out, describeGrantDrift(d[0], d[1], d[2], holders))
	}
	return out, nil
}

// teamRoleHoldersQuery reads every login or role a team role is granted
// to, with the team roles granted it: the server's, shared by every team
// database on it.
const teamRoleHoldersQuery = `SELECT u.rolname, substr(r.rolname, 7)
	FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
	WHERE r.rolname IN ('assay_owner', 'assay_analyst', 'assay_approver', 'assay_auditor')
	GROUP BY 1, 2 ORDER BY 1, 2`

// teamRoleHolders are the holders of team roles (teamRoleHoldersQuery),
// each with the roles it holds, for the look-alikes verify names.
func teamRoleHolders(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string][]string, error) {
	rows, err := q.QueryContext(ctx, teamRoleHoldersQuery)
	if err != nil {
		return nil, fmt.Errorf("reading who holds the team roles: %w", err)
	}
	defer rows.Close()
	holders := map[string][]string{}
	for rows.Next() {
		var login, role string
		if err := rows.Scan(&login, &role); err != nil {
			return nil, err
		}
		holders[login] = append(holders[login], role)
	}
	return holders, rows.Err()
}

// describeGrantDrift words one line of grantDriftQuery. A role granted
// outside assay to a login drawn like another holder's ("Ana" beside
// "ana") says so (assess.LooksLikeHolder): no assay team grant ran to
// warn of it, and its changes read as the other's.
func describeGrantDrift(kind, login, role string, holders map[string][]string) string {
	if kind == "lost" {
		return fmt.Sprintf("%s no longer holds the %s role assay granted: revoked outside assay", login, role)
	}
	like := ""
	if l := assess.LooksLikeHolder(login, holders); l != "" {
		like = "; " + l
	}
	return fmt.Sprintf("%s holds the %s role, granted outside assay%s (assay team grant records it if it was meant, assay team revoke takes it back)", login, role, like)
}

// recordGrantStatement is the statement that records one grant or
// revocation through assay_record_grant, with the values written into
// it so that what is printed is what ran: before schema 011 (during the
// upgrade that brings it) the record is unsigned, since then it is the
// signed record rec, and since 012 signed for its team database.
func recordGrantStatement(rec ledger.GrantRecord) string {
	args := []string{sqlLiteral(rec.Login), sqlLiteral(rec.Role), sqlLiteral(rec.Action)}
	if rec.Signed() {
		args = append(args, strconv.FormatInt(rec.Seq, 10), sqlLiteral(rec.At), sqlLiteral(rec.Key), sqlLiteral(rec.PrevHash),
			sqlLiteral(rec.Hash), sqlLiteral(rec.Signature))
	}
	if rec.Team != "" {
		args = append(args, sqlLiteral(rec.Team))
	}
	return "SELECT assay_record_grant(" + strings.Join(args, ", ") + ")"
}

// signedRecorder is assay_record_grant as schema 011 made it, which
// takes signed records only; boundRecorder as 012 made it, which takes
// records signed for this team database only.
const (
	signedRecorder = "assay_record_grant(text, text, text, bigint, text, text, text, text, text)"
	boundRecorder  = "assay_record_grant(text, text, text, bigint, text, text, text, text, text, text)"
)

// grantTip is where the next signed record of grants goes: its number,
// the hash it follows (the last signed record's, or, before the first,
// the digest of every record written before grants were signed), and
// the team database's identity it is signed for ("" before schema 012).
type grantTip struct {
	seq        int64
	prev, team string
}

// seen is the record of grants as it stands once the records before
// tip are written.
func (tip grantTip) seen() ledger.GrantsSeen {
	return ledger.GrantsSeen{Grants: tip.seq - 1, GrantsHead: tip.prev}
}

// after is the tip once rec, written at tip, is.
func (tip grantTip) after(rec ledger.GrantRecord) grantTip {
	return grantTip{seq: rec.Seq + 1, prev: rec.Hash, team: tip.team}
}

// grantHead reads the tip of the record of grants of schema ("" for
// the one the search path names; named where the session's search path
// may not reach it, as in grantOwnerToSelf).
func grantHead(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, schema string) (grantTip, error) {
	records, err := readGrantRecords(ctx, q, inSchema(schema, "team_grants"))
	if err != nil {
		return grantTip{}, err
	}
	team, err := teamIdentity(ctx, q, schema)
	if err != nil {
		return grantTip{}, err
	}
	seen := ledger.GrantsSeenOf(records)
	return grantTip{seq: seen.Grants + 1, prev: seen.GrantsHead, team: team}, nil
}

// inSchema names table in schema, or as the search path finds it.
func inSchema(schema, table string) string {
	if schema == "" {
		return table
	}
	return pgx.Identifier{schema, table}.Sanitize()
}

// teamIdentity is the team database's identity (schema 012), "" for a
// schema older than that.
func teamIdentity(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, schema string) (string, error) {
	table := inSchema(schema, "team_identity")
	ids, err := queryColumn(ctx, q, `SELECT 'x' WHERE to_regclass(?) IS NOT NULL`, table)
	if err != nil || len(ids) == 0 {
		return "", err
	}
	ids, err = queryColumn(ctx, q, `SELECT id FROM `+table)
	if err != nil || len(ids) != 1 {
		return "", fmt.Errorf("reading the team database's identity: %d rows (%v)", len(ids), err)
	}
	return ids[0], nil
}

// grantRecordsQuery reads the record of grants in the order it was
// written; the team column, which schema 012 added, through the row as
// JSON, so that the same words read a schema before it (grantOwnerToSelf
// reads it before the upgrade).
const grantRecordsQuery = `SELECT id, COALESCE(seq, 0), login, role, action, by_login, at, COALESCE(key, ''), COALESCE(prev_hash, ''),
	COALESCE(hash, ''), COALESCE(signature, ''), COALESCE(to_jsonb(g) ->> 'team', '') FROM `

func readGrantRecords(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, table string) ([]ledger.GrantRecord, error) {
	rows, err := q.QueryContext(ctx, grantRecordsQuery+table+` g ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading the record of team grants: %w", err)
	}
	defer rows.Close()
	var out []ledger.GrantRecord
	for rows.Next() {
		var g ledger.GrantRecord
		if err := rows.Scan(&g.ID, &g.Seq, &g.Login, &g.Role, &g.Action, &g.ByLogin, &g.At, &g.Key, &g.PrevHash, &g.Hash, &g.Signature, &g.Team); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// sqlLiteral quotes s as a SQL string (standard_conforming_strings, on
// since PostgreSQL 9.1, makes a backslash an ordinary character).
func sqlLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// directPrivilegesQuery writes the REVOKE statements that take from the
// login ? every privilege granted to it by name on the team schema and
// its tables, columns, sequences and functions: assay team revoke takes
// them with the roles, or a login revoked every role could still, say,
// rewrite the audit records a DBA once let it UPDATE. Each statement
// names the privileges the login held, so that what is printed says
// exactly what was taken; CASCADE, when it could grant them on, takes
// back what it granted others with them.
const directPrivilegesQuery = `WITH u AS (SELECT oid, rolname FROM pg_roles WHERE rolname = ?),
	held AS (
		SELECT 'SCHEMA' AS kind, quote_ident(n.nspname) AS name, NULL::text AS col, a.privilege_type, a.is_grantable
		FROM pg_namespace n, aclexplode(n.nspacl) a, u WHERE n.nspname = current_schema() AND a.grantee = u.oid
		UNION ALL
		SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, quote_ident(c.relname), NULL, a.privilege_type, a.is_grantable
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a, u
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f') AND a.grantee = u.oid
		UNION ALL
		SELECT 'TABLE', quote_ident(c.relname), quote_ident(t.attname), a.privilege_type, a.is_grantable
		FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(t.attacl) a, u
		WHERE n.nspname = current_schema() AND t.attnum > 0 AND NOT t.attisdropped AND a.grantee = u.oid
		UNION ALL
		SELECT 'FUNCTION', quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, a.privilege_type, a.is_grantable
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a, u
		WHERE n.nspname = current_schema() AND a.grantee = u.oid
	),
	per_column AS (
		SELECT kind, name, privilege_type || COALESCE(' (' || string_agg(col, ', ' ORDER BY col) || ')', '') AS what, bool_or(is_grantable) AS grantable
		FROM held GROUP BY kind, name, privilege_type, col IS NULL
	)
	SELECT 'REVOKE ' || string_agg(what, ', ' ORDER BY what) || ' ON ' || kind || ' ' || name || ' FROM ' || quote_ident((SELECT rolname FROM u)) ||
		CASE WHEN bool_or(grantable) THEN ' CASCADE' ELSE '' END
	FROM per_column GROUP BY kind, name ORDER BY kind, name`
