package main

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/internal/pgtest"
)

// Tests and years of use leave roles behind: logins whose password
// expired, roles that cannot log in at all, logins that never signed
// anything here. assay team list marks each, and assay team revoke takes
// the roles back from any of them, saying exactly what it ran.
func TestTeamListShowsRoleHoldersLeftBehind(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "approver")
	old := s.person("old", "analyst")
	// Ana's first change registers her signing key in this portfolio
	// (assay key registers nothing in a team database that holds none).
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	if _, err := s.raw.Exec(`ALTER ROLE ` + pgx.Identifier{old.login}.Sanitize() + ` VALID UNTIL '2020-01-02 00:00:00+00'`); err != nil {
		t.Fatal(err)
	}
	group := "group-" + randomHex(3)
	ident := pgx.Identifier{group}.Sanitize()
	pgtest.MadeLogin(group)
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", requireTeamServer(t))
		if err == nil {
			_, err = admin.Exec(`DROP ROLE IF EXISTS ` + ident)
			admin.Close()
		}
		if err != nil {
			t.Errorf("dropping the test role %s: %v", group, err)
		}
	})
	for _, stmt := range []string{`CREATE ROLE ` + ident + ` NOLOGIN`, `GRANT assay_analyst TO ` + ident} {
		if _, err := s.raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := pgtest.MarkLogin(context.Background(), s.raw, group); err != nil {
		t.Fatal(err)
	}

	r := s.admin("team", "list")
	if r.code != 0 {
		t.Fatalf("team list: exit %d %s", r.code, r.errs)
	}
	for _, want := range []string{
		ana.login + " analyst registered\n",
		dee.login + " approver none registered\n",
		old.login + " analyst none registered cannot log in: its password expired on 2020-01-02\n",
		// The group was granted its role in SQL, not by assay team grant
		// (recorded since team schema 010).
		group + " analyst none registered cannot log in: not a login (NOLOGIN); granted outside assay: analyst\n",
		"a team role but cannot log in: assay team revoke takes the roles back.\n",
		"no signing key registered in this portfolio",
	} {
		if !strings.Contains(spacedLines(r.stdout), want) {
			t.Errorf("team list lacks %q:\n%s", want, r.stdout)
		}
	}

	// Other tests on the same server (the store's, run by go test ./...
	// beside these) grant roles in SQL too, so the count is any number.
	if !outsideCount.MatchString(r.stdout) {
		t.Errorf("team list does not count the roles assay did not grant:\n%s", r.stdout)
	}

	for _, who := range []string{group, old.login} {
		r = s.admin("team", "revoke", who, "analyst")
		// The revocation, its record (since team schema 010) and the
		// ledger entry that records the record of grants as it leaves it
		// (the portfolio has begun), in one transaction.
		if want := fmt.Sprintf("BEGIN;\nREVOKE assay_analyst FROM %q;\nSELECT assay_record_grant('%s', 'analyst', 'revoke', …);\nINSERT INTO ledger …;\nCOMMIT;\n", who, who); r.code != 0 || withoutSignatures(r.stdout) != want {
			t.Errorf("team revoke %s: exit %d, printed %q, want %q %s", who, r.code, r.stdout, want, r.errs)
		}
	}
	if list := s.admin("team", "list").stdout; strings.Contains(list, group) || strings.Contains(list, old.login) {
		t.Errorf("team list still shows a role revoked:\n%s", list)
	}
}

// outsideCount is team list's line counting the role holders assay did
// not grant.
var outsideCount = regexp.MustCompile(`(?m)^(1 login or role holds|[0-9]+ logins or roles hold) a team role assay did not grant in this database: `)

// spacedLines is text with each line's runs of spaces made one.
func spacedLines(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(strings.Join(strings.Fields(l), " ") + "\n")
	}
	return b.String()
}
