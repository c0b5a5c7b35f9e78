package main

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/internal/pgtest"
)

// A login drawn like one that holds a team role ("аna-…" with a Cyrillic
// а, beside ana-…) would sign, approve and show in every trail as if it
// were her. Login names are the server's, so assay team grant still
// grants the role, but it says whom the login looks like, before anyone
// reads its changes as hers. A login that looks like no holder is
// granted without a word.
func TestTeamGrantWarnsOfLookAlikeLogin(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	fake := "\u0430" + strings.TrimPrefix(ana.login, "a") // Cyrillic а
	ident := pgx.Identifier{fake}.Sanitize()
	if _, err := s.raw.Exec(`CREATE ROLE ` + ident + ` LOGIN`); err != nil {
		t.Fatal(err)
	}
	pgtest.MadeLogin(fake)
	if err := pgtest.MarkLogin(context.Background(), s.raw, fake); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.raw.Exec(`DROP ROLE IF EXISTS ` + ident) })

	r := s.admin("team", "grant", fake, "approver")
	want := `"` + fake + `" looks like ` + ana.login + `, a login that holds a team role, and is not that login`
	if r.code != 0 || !strings.HasPrefix(r.errs, want) || !strings.Contains(r.errs, "it mixes") ||
		!strings.Contains(r.stdout, "assay_approver") {
		t.Fatalf("team grant of a look-alike: exit %d, stdout %q, stderr %q; want it granted, warning %q", r.code, r.stdout, r.errs, want)
	}
	// Ana, who held her role first, is not told to revoke hers; the
	// look-alike given more is warned of again.
	if r := s.admin("team", "grant", ana.login, "approver"); r.code != 0 || r.errs != "" {
		t.Fatalf("team grant to ana herself: exit %d, stderr %q; want no warning", r.code, r.errs)
	}
	if r := s.admin("team", "grant", fake, "analyst"); r.code != 0 || !strings.HasPrefix(r.errs, want) {
		t.Fatalf("team grant of another role to the look-alike: exit %d, stderr %q; want %q", r.code, r.errs, want)
	}
	bo := s.person("bo")
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 || r.errs != "" {
		t.Fatalf("team grant to a login like no other: exit %d, stderr %q; want no warning", r.code, r.errs)
	}
}

// "Ana-…" and "ana-…" are two logins to PostgreSQL and one person to a
// committee reading a trail in which both act: assay team grant warns of
// a login that differs from a holder's only in case, and says that is
// the difference, as no letter of it is out of place.
func TestTeamGrantWarnsOfLoginDifferingOnlyInCase(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	upper := "A" + strings.TrimPrefix(ana.login, "a")
	ident := pgx.Identifier{upper}.Sanitize()
	if _, err := s.raw.Exec(`CREATE ROLE ` + ident + ` LOGIN`); err != nil {
		t.Fatal(err)
	}
	pgtest.MadeLogin(upper)
	if err := pgtest.MarkLogin(context.Background(), s.raw, upper); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = s.raw.Exec(`DROP ROLE IF EXISTS ` + ident) })

	r := s.admin("team", "grant", upper, "approver")
	want := `"` + upper + `" looks like ` + ana.login + `, a login that holds a team role, and is not that login: it differs from it only in case.`
	if r.code != 0 || !strings.HasPrefix(r.errs, want) || !strings.Contains(r.stdout, "assay_approver") {
		t.Fatalf("team grant of a login differing only in case: exit %d, stdout %q, stderr %q; want it granted, warning %q", r.code, r.stdout, r.errs, want)
	}
	// Every further role it is given is warned of again: the owner
	// granting it more may not be the one who read the first warning.
	// Ana, who held her role first, is not told to revoke hers.
	if r := s.admin("team", "grant", upper, "analyst"); r.code != 0 || !strings.HasPrefix(r.errs, want) || !strings.Contains(r.errs, "assay team revoke "+upper+" analyst") {
		t.Fatalf("team grant of a second role to a login differing only in case: exit %d, stderr %q; want %q again", r.code, r.errs, want)
	}
	if r := s.admin("team", "grant", ana.login, "approver"); r.code != 0 || r.errs != "" {
		t.Fatalf("team grant to ana herself: exit %d, stderr %q; want no warning", r.code, r.errs)
	}
}
