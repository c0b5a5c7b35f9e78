package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The team schema's protections that are not objects of the schema: who
// may do what to its tables (grants), who owns them, and what the team
// roles are. A database administrator who grants the analyst role UPDATE
// on the audit records, hands a table to a login, or makes every analyst
// an approver leaves every trigger and function as assay made them, so
// schemaLines describes these too, one line each, and verify compares
// them with schema.txt like the rest.
//
// What is compared, and what is not:
//   - Every privilege on the schema, its tables, columns, sequences and
//     functions, whoever holds it (a team role, a login, PUBLIC), except
//     what an object's owner holds on it (implicit, and different from
//     one PostgreSQL version to the next). A privilege granted or revoked
//     outside the migrations is drift.
//   - The owner of the schema and of each table, sequence and function:
//     assay_owner. Another owner could change anything in it.
//   - Default privileges set for the schema, or for assay_owner anywhere:
//     none. They would grant more on the tables the next migration makes.
//   - The team roles themselves: none may log in, be a superuser, create
//     roles, bypass row-level security or replicate, and none is a member
//     of another role (assay_analyst a member of assay_approver would make
//     every analyst an approver).
//   - A login holding a team role that also holds pg_write_all_data, which
//     writes every table whatever the grants say.
//
// Which logins hold which team roles is compared with the record assay
// team grant and revoke keep (postgres_grants.go), not with schema.txt:
// logins come and go.

// teamRolePrefix begins the names of the team roles (assay_analyst, …).
const teamRolePrefix = "assay_"

// protectionQueries describe the grants and owners of the current schema,
// the team roles named prefix+role, and the logins holding them.
func protectionQueries(prefix string) []string {
	roles := make([]string, len(TeamRoles))
	for i, r := range TeamRoles {
		roles[i] = "'" + prefix + r.Name + "'" // the prefix is assay's, or a test's: no quote in it
	}
	inRoles := "(" + strings.Join(roles, ", ") + ")"
	owner := "'" + prefix + "owner'"
	grantee := `CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END`
	grantable := `CASE WHEN a.is_grantable THEN ' with grant option' ELSE '' END`
	relkind := `CASE c.relkind WHEN 'S' THEN 'sequence ' WHEN 'v' THEN 'view ' ELSE 'table ' END`
	return []string{
		// The schema's own privileges and owner.
		`SELECT 'owner schema ' || pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = current_schema()`,
		`SELECT 'grant ' || ` + grantee + ` || ' ' || a.privilege_type || ' on schema' || ` + grantable + `
		FROM pg_namespace n, aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner))) a
		WHERE n.nspname = current_schema() AND a.grantee <> n.nspowner`,
		// Tables, sequences and views: owner, privileges, column privileges.
		`SELECT 'owner ' || ` + relkind + ` || c.relname || ' ' || pg_get_userbyid(c.relowner)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')`,
		`SELECT 'grant ' || ` + grantee + ` || ' ' || a.privilege_type || ' on ' || ` + relkind + ` || c.relname || ` + grantable + `
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
			aclexplode(COALESCE(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f') AND a.grantee <> c.relowner`,
		`SELECT 'grant ' || ` + grantee + ` || ' ' || a.privilege_type || ' (' || t.attname || ') on table ' || c.relname || ` + grantable + `
		FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(t.attacl) a
		WHERE n.nspname = current_schema() AND t.attnum > 0 AND NOT t.attisdropped AND t.attacl IS NOT NULL AND a.grantee <> c.relowner`,
		// Functions: owner and EXECUTE.
		`SELECT 'owner function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || pg_get_userbyid(p.proowner)
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()`,
		`SELECT 'grant ' || ` + grantee + ` || ' ' || a.privilege_type || ' on function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' || ` + grantable + `
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(COALESCE(p.proacl, acldefault('f', p.proowner))) a
		WHERE n.nspname = current_schema() AND a.grantee <> p.proowner`,
		// Default privileges for objects made later in the schema, or by
		// the owner role anywhere.
		`SELECT 'default privileges of ' || pg_get_userbyid(d.defaclrole) || ' for ' || d.defaclobjtype::text || ': ' || d.defaclacl::text
		FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
		WHERE n.nspname = current_schema() OR (d.defaclnamespace = 0 AND pg_get_userbyid(d.defaclrole) = ` + owner + `)`,
		// The team roles' powers of their own, and the roles they are members of.
		`SELECT 'role ' || r.rolname || ' ' || concat_ws(' ', CASE WHEN r.rolsuper THEN 'SUPERUSER' END, CASE WHEN r.rolcreaterole THEN 'CREATEROLE' END,
			CASE WHEN r.rolcanlogin THEN 'LOGIN' END, CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END, CASE WHEN r.rolreplication THEN 'REPLICATION' END)
		FROM pg_roles r WHERE r.rolname IN ` + inRoles + ` AND (r.rolsuper OR r.rolcreaterole OR r.rolcanlogin OR r.rolbypassrls OR r.rolreplication)`,
		`SELECT 'member ' || u.rolname || ' of ' || r.rolname FROM pg_auth_members m
		JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname IN ` + inRoles,
		// Logins holding a team role that write every table whatever the grants.
		`SELECT DISTINCT 'member ' || u.rolname || ' of pg_write_all_data, holding a team role' FROM pg_roles u
		JOIN pg_roles w ON w.rolname = 'pg_write_all_data' AND pg_has_role(u.oid, w.oid, 'USAGE')
		WHERE u.rolname NOT IN ` + inRoles + ` AND NOT u.rolsuper AND EXISTS (SELECT 1 FROM pg_roles t
			WHERE t.rolname IN ` + inRoles + ` AND pg_has_role(u.oid, t.oid, 'MEMBER'))`,
	}
}

// protectionLines runs protectionQueries.
func protectionLines(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, prefix string) ([]string, error) {
	var out []string
	for _, query := range protectionQueries(prefix) {
		lines, err := queryColumn(ctx, q, query)
		if err != nil {
			return nil, fmt.Errorf("reading the team schema's grants: %w", err)
		}
		out = append(out, lines...)
	}
	return out, nil
}

// describeProtection says plainly what a protection line found on the
// server and not in schema.txt (added) or the other way round means;
// ok is false for lines of another kind.
func describeProtection(l string, added bool) (said string, ok bool) {
	kind, rest, _ := strings.Cut(l, " ")
	switch kind {
	case "grant":
		// grant WHO PRIVILEGE [(column)] on KIND NAME [with grant option]
		who, rest, _ := strings.Cut(rest, " ")
		what, on, _ := strings.Cut(rest, " on ")
		option := ""
		if o, cut := strings.CutSuffix(on, " with grant option"); cut {
			on, option = o, ", and may grant it to others"
		}
		if verb, ok := privilegeVerbs[what]; ok {
			what = verb
		}
		if added {
			return fmt.Sprintf("%s can %s %s%s: granted outside assay", holder(who), what, object(on), option), true
		}
		return fmt.Sprintf("%s can no longer %s %s%s: revoked outside assay", holder(who), what, object(on), option), true
	case "owner":
		// owner KIND NAME ROLE
		i := strings.LastIndexByte(rest, ' ')
		if i < 0 {
			return "", false
		}
		if added {
			return fmt.Sprintf("the owner of %s is %s, who can change anything in it: changed outside assay", object(rest[:i]), rest[i+1:]), true
		}
		return fmt.Sprintf("the owner of %s is no longer %s: changed outside assay", object(rest[:i]), rest[i+1:]), true
	case "default":
		if added {
			return l + ", which grants more on the tables assay makes next: set outside assay", true
		}
		return l + ": removed outside assay", true
	case "role":
		role, powers, _ := strings.Cut(rest, " ")
		if added {
			return fmt.Sprintf("the role %s was given %s outside assay, and every login holding it has it too", role, powers), true
		}
		return fmt.Sprintf("the role %s no longer has %s", role, powers), true
	case "member":
		// member WHO of ROLE[, holding a team role]
		who, role, _ := strings.Cut(rest, " of ")
		if login, cut := strings.CutSuffix(role, ", holding a team role"); cut {
			if added {
				return fmt.Sprintf("login %s holds a team role and %s, which can change every table, audit records and ledger included, whatever the grants say: granted outside assay", who, login), true
			}
			return fmt.Sprintf("login %s no longer holds %s", who, login), true
		}
		if !added {
			return fmt.Sprintf("%s is no longer a member of %s: revoked outside assay", holder(who), role), true
		}
		if strings.HasPrefix(role, teamRolePrefix) && strings.HasPrefix(who, teamRolePrefix) {
			return fmt.Sprintf("every %s is also %s: %s was made a member of %s outside assay", roleWord(who), withArticle(roleWord(role)), who, role), true
		}
		return fmt.Sprintf("every %s also holds the role %s: %s was made a member of it outside assay", roleWord(who), role, who), true
	}
	return "", false
}

// privilegeVerbs word the privileges that are not verbs of SQL.
var privilegeVerbs = map[string]string{"USAGE": "use", "EXECUTE": "run", "CREATE": "create objects in"}

// holder names who holds a privilege: "the analyst role", "every login
// (PUBLIC)", "the login or role ana".
func holder(who string) string {
	switch {
	case who == "PUBLIC":
		return "every login (PUBLIC)"
	case strings.HasPrefix(who, teamRolePrefix) && isTeamRole(strings.TrimPrefix(who, teamRolePrefix)):
		return "the " + roleWord(who) + " role"
	}
	return "the login or role " + who
}

// roleWord is a team role's name without its prefix: "analyst".
func roleWord(role string) string { return strings.TrimPrefix(role, teamRolePrefix) }

func withArticle(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

// tableHolds says what each of the team schema's tables holds, for
// messages that name what a grant exposes.
var tableHolds = map[string]string{
	"events":            "audit records",
	"subject_events":    "subjects' audit records",
	"ledger":            "ledger entries",
	"ledger_leaves":     "ledger entries",
	"ledger_states":     "ledger entries",
	"ledger_tip":        "ledger entries",
	"signoffs":          "sign-offs",
	"answers":           "answers",
	"plan_edits":        "plan edits",
	"assessments":       "assessments",
	"subjects":          "subjects",
	"schema_migrations": "schema versions",
	"team_grants":       "record of team grants",
}

// object names what a line's "KIND NAME" is: "the audit records (table
// events)", "the function assay_is(role text)", "the schema".
func object(kindName string) string {
	kind, name, _ := strings.Cut(kindName, " ")
	if kind == "table" {
		if holds, ok := tableHolds[name]; ok {
			return "the " + holds + " (table " + name + ")"
		}
	}
	if name == "" {
		return "the " + kind
	}
	return "the " + kind + " " + name
}
