package store

import (
	"bufio"
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The team database's schema: its migrations, applied by assay team init
// (postgres_team.go), and what verify compares the live schema with.

//go:embed migrations_postgres/*.sql migrations_postgres/schema.txt
var postgresFS embed.FS

// postgresMigrations are the embedded migration files, in order.
func postgresMigrations() ([]string, error) {
	names, err := fs.Glob(postgresFS, "migrations_postgres/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// postgresVersions are the versions the migrations record.
func postgresVersions() ([]string, error) {
	names, err := postgresMigrations()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = migrationVersion(n)
	}
	return out, nil
}

// splitSQL splits a migration into its statements, at semicolons outside
// quotes, comments and dollar-quoted bodies; comments are dropped.
func splitSQL(src string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == ';':
			flush()
			continue
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(src) && src[j] != c {
				j++
			}
			b.WriteString(src[i:min(j+1, len(src))])
			i = j
			continue
		case c == '-' && strings.HasPrefix(src[i:], "--"):
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				return append(out, strings.TrimSpace(b.String()))
			}
			i += j
			b.WriteByte('\n')
			continue
		case c == '$' && strings.HasPrefix(src[i:], "$$"):
			j := strings.Index(src[i+2:], "$$")
			end := len(src)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(src[i:end])
			i = end - 1
			continue
		}
		b.WriteByte(c)
	}
	flush()
	return out
}

// migrationStatements is a migration's statements for the team's schema.
func migrationStatements(name, schema string) ([]string, error) {
	body, err := postgresFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	src := strings.ReplaceAll(string(body), "{{schema}}", pgx.Identifier{schema}.Sanitize())
	return splitSQL(src), nil
}

// The schema verify expects is written down in migrations_postgres/
// schema.txt, one line per table, index, trigger, function and constraint as the
// server describes them (schemaLines), the schema's name as {{schema}}.
// TestPostgresSchemaAsWritten checks, on a real server, that the
// migrations make exactly that; `go test ./store -run
// TestPostgresSchemaAsWritten -update-schema` writes it again.

// schemaLines describes the live schema: each table's columns, each
// index's and trigger's definition with whether it is enabled, each
// function's body, settings and owner-independent signature, the
// row-level security of each table, and each CHECK and foreign-key
// constraint.
func schemaLines(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]string, error) {
	var schema string
	rows, err := q.QueryContext(ctx, `SELECT current_schema()`)
	if err != nil {
		return nil, err
	}
	if rows.Next() {
		if err := rows.Scan(&schema); err != nil {
			rows.Close()
			return nil, err
		}
	}
	rows.Close()
	queries := []string{
		// Tables and their columns, row-level security included.
		`SELECT 'table ' || c.relname || ' (' || string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ||
			CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum) || ')' ||
			CASE WHEN c.relrowsecurity THEN ' rls' ELSE '' END
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
		WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
		GROUP BY c.relname, c.relrowsecurity`,
		`SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()`,
		`SELECT 'trigger ' || pg_get_triggerdef(t.oid) || CASE t.tgenabled WHEN 'O' THEN '' ELSE ' (' || t.tgenabled::text || ')' END
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND NOT t.tgisinternal`,
		`SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' ||
			CASE WHEN p.prosecdef THEN 'security definer ' ELSE '' END ||
			coalesce(array_to_string(p.proconfig, ' '), '') || ' md5 ' || md5(p.prosrc)
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()`,
		`SELECT 'policy ' || pol.polname || ' on ' || c.relname FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()`,
		// CHECK and foreign-key constraints (a unique or primary key is an
		// index, above). " NOT VALID" is left out: a rule added so, to
		// leave an older server's rows in place, holds for every write all
		// the same, and a DBA who validates it makes it no weaker.
		`SELECT 'constraint ' || con.conname || ' on ' || c.relname || ' ' ||
			regexp_replace(pg_get_constraintdef(con.oid), ' NOT VALID$', '')
		FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = current_schema() AND con.contype IN ('c', 'f')`,
	}
	var out []string
	for _, query := range queries {
		lines, err := queryColumn(ctx, q, query)
		if err != nil {
			return nil, err
		}
		out = append(out, lines...)
	}
	protections, err := protectionLines(ctx, q, teamRolePrefix)
	if err != nil {
		return nil, err
	}
	out = append(out, protections...)
	quoted := pgx.Identifier{schema}.Sanitize()
	for i, l := range out {
		l = strings.ReplaceAll(l, quoted+".", "{{schema}}.")
		l = strings.ReplaceAll(l, schema+".", "{{schema}}.")
		l = strings.ReplaceAll(l, "search_path="+schema+",", "search_path={{schema}},")
		l = strings.ReplaceAll(l, "search_path="+quoted+",", "search_path={{schema}},")
		out[i] = l
	}
	sort.Strings(out)
	return out, nil
}

// writtenSchema is schema.txt's lines.
func writtenSchema() ([]string, error) {
	f, err := postgresFS.Open("migrations_postgres/schema.txt")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// checkSchema compares the live schema with schema.txt: a lock trigger
// dropped, disabled or replaced, a function's body changed, an index
// dropped, a trigger or a row-level policy added, a grant, an owner or a
// team role changed (postgres_protections.go) all show here. Every
// difference is named, not only the first: a DBA's drift is often more
// than one statement, and each must be undone.
func (d *pgDialect) checkSchema(ctx context.Context, tx *sql.Tx) (*Break, error) {
	want, err := writtenSchema()
	if err != nil {
		return nil, err
	}
	got, err := schemaLines(ctx, tx)
	if err != nil {
		return nil, err
	}
	found := schemaDrift(want, got)
	held, err := grantDrift(ctx, tx)
	if err != nil {
		return nil, err
	}
	if len(held) > 0 {
		if held, err = heldAgainstACutRecord(ctx, tx, held); err != nil {
			return nil, err
		}
	}
	if found = append(found, held...); len(found) > 0 {
		return &Break{Chain: "schema", Server: true, Reason: strings.Join(found, "; ")}, nil
	}
	return nil, nil
}

// heldAgainstACutRecord is held, the roles held compared with the record
// of grants, unless that record was cut back since a ledger entry saw it:
// then the comparison is worth nothing (a revocation's record deleted
// reads as "revoked outside assay", when assay revoked it), and the cut
// is what is said instead. The ledger is not checked yet here: an entry
// forged to claim a longer record makes verify name a cut rather than
// the roles held, and fail all the same.
func heldAgainstACutRecord(ctx context.Context, tx *sql.Tx, held []string) ([]string, error) {
	records, err := readGrantRecords(ctx, tx, "team_grants")
	if err != nil {
		return nil, err
	}
	cut, err := grantsCutBack(ctx, tx, records, 0)
	if err != nil || cut == "" {
		return held, err
	}
	return []string{cut}, nil
}

// addedObjects: checkSchema names every table, index, trigger, function
// or policy added to a team schema, as drift.
func (*pgDialect) addedObjects(context.Context, *sql.Tx) ([]string, error) { return nil, nil }

// schemaDrift says what differs between the schema expected and the one
// found, each difference in words: what is missing first, then what was
// added.
func schemaDrift(want, got []string) []string {
	have := map[string]bool{}
	for _, l := range got {
		have[l] = true
	}
	expected := map[string]bool{}
	for _, l := range want {
		expected[l] = true
	}
	var found []string
	for _, l := range want {
		if have[l] {
			continue
		}
		// A trigger turned off, an object given another owner (whose
		// privileges on it are then its owner's, not grants), a privilege
		// given with grant option, is one change: said once.
		if have[l+" (D)"] {
			found = append(found, fmt.Sprintf("%s was turned off outside assay (ALTER TABLE … DISABLE TRIGGER)", describeSchemaLine(l)))
			expected[l+" (D)"] = true
			continue
		}
		if ownedBySomeoneElse(l, got) || have[l+" with grant option"] || nowOwnedByGrantee(l, have) {
			continue
		}
		if said, ok := describeProtection(l, false); ok {
			found = append(found, said)
		} else {
			found = append(found, fmt.Sprintf("%s was dropped or changed outside assay", describeSchemaLine(l)))
		}
	}
	for _, l := range got {
		if expected[l] {
			continue
		}
		if said, ok := describeProtection(l, true); ok {
			found = append(found, said)
		} else {
			found = append(found, fmt.Sprintf("%s was added or changed outside assay", describeSchemaLine(l)))
		}
	}
	return found
}

// ownedBySomeoneElse says whether l, the owner line of an object, has
// another owner's line in got (which describeProtection says).
func ownedBySomeoneElse(l string, got []string) bool {
	if !strings.HasPrefix(l, "owner ") {
		return false
	}
	object := l[:strings.LastIndexByte(l, ' ')+1]
	for _, g := range got {
		if g != l && strings.HasPrefix(g, object) && !strings.Contains(g[len(object):], " ") {
			return true
		}
	}
	return false
}

// nowOwnedByGrantee says whether l, a grant, names a privilege of the
// role that now owns the object (an owner's privileges are not listed).
func nowOwnedByGrantee(l string, have map[string]bool) bool {
	rest, ok := strings.CutPrefix(l, "grant ")
	if !ok {
		return false
	}
	who, rest, _ := strings.Cut(rest, " ")
	_, on, _ := strings.Cut(rest, " on ")
	return have["owner "+on+" "+who]
}

// describeSchemaLine names what a line of schema.txt describes: "the
// trigger answers_locked".
func describeSchemaLine(l string) string {
	kind, rest, _ := strings.Cut(l, " ")
	switch kind {
	case "table":
		name, _, _ := strings.Cut(rest, " ")
		return "the table " + name
	case "index", "trigger":
		// CREATE [UNIQUE] INDEX name ON … / CREATE TRIGGER name …
		f := strings.Fields(rest)
		for i, w := range f {
			if (w == "INDEX" || w == "TRIGGER") && i+1 < len(f) {
				return "the " + kind + " " + f[i+1]
			}
		}
	case "function":
		name, _, _ := strings.Cut(rest, "(")
		return "the function " + name
	case "policy":
		return "the row-level policy " + rest
	case "constraint":
		// constraint NAME on TABLE DEFINITION
		f := strings.Fields(rest)
		if len(f) >= 3 && f[1] == "on" {
			return "the constraint " + f[0] + " on table " + f[2]
		}
	}
	return l
}
