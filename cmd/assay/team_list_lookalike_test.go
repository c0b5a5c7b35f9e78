package main

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/internal/pgtest"
)

// Logins drawn alike ("Ana-…" and "ana-…", "аna-…" with a Cyrillic а)
// read as one person in every trail. assay team list marks each of them,
// both the look-alike and the login it looks like, in words (a reader of
// plain text, a screen reader, sees them), and a login made to break the
// table (a line break, an escape sequence) neither breaks it nor
// reaches the terminal raw.
func TestTeamListMarksLookAlikeLogins(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	bo := s.person("bo", "analyst")
	suffix := strings.TrimPrefix(ana.login, "ana")
	upper, cyrillic := "Ana"+suffix, "\u0430na"+suffix
	hostile := "\x1b[2J" + bo.login + "\n\x1b]0;owned\x07"
	for _, login := range []string{upper, cyrillic, hostile} {
		ident := pgx.Identifier{login}.Sanitize()
		if _, err := s.raw.Exec(`CREATE ROLE ` + ident + ` LOGIN`); err != nil {
			t.Fatal(err)
		}
		pgtest.MadeLogin(login)
		if err := pgtest.MarkLogin(context.Background(), s.raw, login); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _, _ = s.raw.Exec(`DROP ROLE IF EXISTS ` + ident) })
		// Granted in SQL, as a DBA might, so that no grant warned.
		if _, err := s.raw.Exec(`GRANT assay_analyst TO ` + ident); err != nil {
			t.Fatal(err)
		}
	}

	r := s.admin("team", "list")
	if r.code != 0 {
		t.Fatalf("team list: exit %d %s", r.code, r.errs)
	}
	if strings.ContainsAny(r.stdout, "\x1b\x07") {
		t.Fatalf("team list let an escape sequence through:\n%q", r.stdout)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(spacedLines(r.stdout), "\n") {
		for _, login := range []string{ana.login, upper, cyrillic, bo.login} {
			if strings.HasPrefix(line, login+" ") {
				rows[login] = line
			}
		}
	}
	for login, want := range map[string][]string{
		ana.login: {"looks like " + upper + ", a holder too (it differs from it only in case)", "looks like " + cyrillic + ", a holder too"},
		upper:     {"looks like " + ana.login + ", a holder too (it differs from it only in case)"},
		cyrillic:  {"looks like " + ana.login + ", a holder too (it mixes Cyrillic and Latin letters in one word)"},
	} {
		for _, w := range want {
			if !strings.Contains(rows[login], w) {
				t.Errorf("team list's row of %q lacks %q:\n%s", login, w, r.stdout)
			}
		}
	}
	// bo's look-alike holds an escape sequence and a line break, which
	// are not drawn: it reads as bo's login, and both are marked.
	if !strings.Contains(rows[bo.login], "looks like") {
		t.Errorf("team list does not mark bo, whose login the hostile one reads as:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "logins are drawn like another holder's: what each does reads as the other's wherever a name is shown") {
		t.Errorf("team list does not say what the marks mean:\n%s", r.stdout)
	}
	// Each table row is one line: the hostile login's line break did not
	// start a row of its own.
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "owned") || strings.HasPrefix(line, "]0;") {
			t.Errorf("a login's line break broke the table:\n%s", r.stdout)
		}
	}
}
