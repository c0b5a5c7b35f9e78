package store

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/internal/pgtest"
)

// A careless or hostile database administrator widens what the team roles
// may do without touching a trigger or a row: a grant, a table handed to
// another role, default privileges for the next migration's tables.
// Verify names each change, in words, not only the first.
func TestVerifyNamesGrantsChangedOutsideAssay(t *testing.T) {
	requirePostgres(t)
	cases := []struct {
		name   string
		tamper []string
		want   []string
	}{
		{"the analyst role may rewrite and delete audit records",
			[]string{`GRANT UPDATE, DELETE ON events TO assay_analyst`},
			[]string{"the analyst role can UPDATE the audit records (table events): granted outside assay",
				"the analyst role can DELETE the audit records (table events): granted outside assay"}},
		{"every login may rewrite the ledger",
			[]string{`GRANT UPDATE ON ledger TO PUBLIC`},
			[]string{"every login (PUBLIC) can UPDATE the ledger entries (table ledger): granted outside assay"}},
		{"the approver role may grant what it holds",
			[]string{`GRANT INSERT ON signoffs TO assay_approver WITH GRANT OPTION`},
			[]string{"the server's protections changed, so the audit trail was not checked: the approver role can INSERT the sign-offs (table signoffs), and may grant it to others: granted outside assay"}},
		{"an approver may change an assessment's subject",
			[]string{`GRANT UPDATE (subject) ON assessments TO assay_approver`},
			[]string{"the approver role can UPDATE (subject) the assessments (table assessments): granted outside assay"}},
		{"the auditor may create objects in the schema",
			[]string{`DO $$ BEGIN EXECUTE format('GRANT CREATE ON SCHEMA %I TO assay_auditor', current_schema()); END $$`},
			[]string{"the auditor role can create objects in the schema: granted outside assay"}},
		{"the audit records handed to the analyst role",
			[]string{`ALTER TABLE events OWNER TO assay_analyst`},
			[]string{"the server's protections changed, so the audit trail was not checked: the owner of the sequence events_id_seq is assay_analyst, who can change anything in it: changed outside assay; " +
				"the owner of the audit records (table events) is assay_analyst, who can change anything in it: changed outside assay"}},
		{"an approver's grant taken away",
			[]string{`REVOKE INSERT ON signoffs FROM assay_approver`},
			[]string{"the approver role can no longer INSERT the sign-offs (table signoffs): revoked outside assay"}},
		{"the next migration's tables granted in advance",
			[]string{`DO $$ BEGIN EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE assay_owner IN SCHEMA %I GRANT UPDATE ON TABLES TO assay_analyst', current_schema()); END $$`},
			[]string{"default privileges of assay_owner for r: {assay_analyst=w/assay_owner}, which grants more on the tables assay makes next: set outside assay"}},
		{"a grant and a trigger turned off, both named",
			[]string{`GRANT UPDATE ON events TO assay_analyst`, `ALTER TABLE ledger DISABLE TRIGGER ledger_no_change`},
			[]string{"the analyst role can UPDATE the audit records (table events): granted outside assay",
				"the trigger ledger_no_change was turned off outside assay (ALTER TABLE … DISABLE TRIGGER)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dsn, db := teamTamperFixture(t)
			raw := rawTeam(t, dsn)
			for _, s := range tc.tamper {
				mustExec(t, raw, s)
			}
			res, err := db.Verify(as("Auditor"), 0)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if res.Broken == nil {
				t.Fatalf("verify passed after %s", strings.Join(tc.tamper, "; "))
			}
			msg := res.Broken.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("verify said %q\nwant it to say %q", msg, w)
				}
			}
		})
	}
}

// The team roles belong to the server, and every test of every package
// shares them: a test that made assay_analyst a member of assay_approver
// would break the others' verify. So the checks of the roles themselves
// run on four roles of this test's own, named as assay names its roles
// with another prefix.
func TestProtectionsNameTeamRolesWidenedOutsideAssay(t *testing.T) {
	admin := pgAdmin(t)
	prefix := strings.ReplaceAll(uniqueName("t"), "-", "_") + "_"
	login := prefix + "ana"
	var made []string
	for _, r := range TeamRoles {
		made = append(made, prefix+r.Name)
	}
	made = append(made, login)
	for _, name := range made {
		pgtest.MadeLogin(name)
	}
	t.Cleanup(func() {
		for i := len(made) - 1; i >= 0; i-- {
			if _, err := admin.Exec(`DROP ROLE IF EXISTS ` + pgx.Identifier{made[i]}.Sanitize()); err != nil {
				t.Errorf("dropping %s: %v", made[i], err)
			}
		}
	})
	for _, r := range TeamRoles {
		mustExec(t, admin, `CREATE ROLE `+prefix+r.Name+` NOLOGIN`)
	}
	mustExec(t, admin, `CREATE ROLE `+login+` LOGIN`)
	for _, name := range made {
		if err := pgtest.MarkLogin(context.Background(), admin, name); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	lines, err := protectionLines(ctx, admin, prefix)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "role ") || strings.HasPrefix(l, "member ") {
			t.Fatalf("roles as assay team init makes them already read as changed: %q", l)
		}
	}
	mustExec(t, admin, `GRANT `+prefix+`approver TO `+prefix+`analyst`)
	mustExec(t, admin, `ALTER ROLE `+prefix+`auditor CREATEROLE LOGIN`)
	mustExec(t, admin, `GRANT `+prefix+`analyst, pg_write_all_data TO `+login)
	if lines, err = protectionLines(ctx, admin, prefix); err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, l := range lines {
		if strings.HasPrefix(l, "role ") || strings.HasPrefix(l, "member ") {
			s, _ := describeProtection(l, true)
			said = append(said, s)
		}
	}
	want := []string{
		"the role " + prefix + "auditor was given CREATEROLE LOGIN outside assay, and every login holding it has it too",
		"every " + prefix + "analyst also holds the role " + prefix + "approver: " + prefix + "analyst was made a member of it outside assay",
		"login " + login + " holds a team role and pg_write_all_data, which can change every table, audit records and ledger included, whatever the grants say: granted outside assay",
	}
	if strings.Join(said, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the roles widened read as\n%s\nwant\n%s", strings.Join(said, "\n"), strings.Join(want, "\n"))
	}
}

// With assay's own role names, a membership between team roles says what
// it gives everyone who holds the first.
func TestTeamRoleMembershipSaysWhatItGives(t *testing.T) {
	for line, want := range map[string]string{
		"member assay_analyst of assay_approver":    "every analyst is also an approver: assay_analyst was made a member of assay_approver outside assay",
		"member assay_auditor of assay_analyst":     "every auditor is also an analyst: assay_auditor was made a member of assay_analyst outside assay",
		"member assay_analyst of pg_write_all_data": "every analyst also holds the role pg_write_all_data: assay_analyst was made a member of it outside assay",
	} {
		if got, _ := describeProtection(line, true); got != want {
			t.Errorf("%q reads %q, want %q", line, got, want)
		}
	}
}
