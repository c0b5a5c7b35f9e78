package main

import (
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// verify's two notes on a team database, as a person reads them: the
// roles held on the word of a record written before grants were signed
// (carla's analyst role, recorded as an assay before schema 011 did,
// unsigned), and the roles assay did not grant in this database held by
// logins that never acted here (reader's auditor role, granted in psql).
// Each names its login. Other tests' logins on the same server may be
// named too: roles are the server's.
func TestVerifyNotesNameTheLoginsOfUnsignedAndUnactedRoles(t *testing.T) {
	s := newTeamServer(t)
	carla, reader := s.person("carla"), s.person("reader")
	// Before any record is signed: a record an assay before schema 011
	// wrote comes before every signed one.
	tx, err := s.raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, stmt := range []string{
		`SET LOCAL session_replication_role = replica`,
		`GRANT assay_analyst TO ` + pgx.Identifier{carla.login}.Sanitize(),
		`INSERT INTO team_grants (login, role, action, by_login, at) VALUES ('` + carla.login + `', 'analyst', 'grant', 'postgres', '2026-03-01T09:00:00Z')`,
		`GRANT assay_auditor TO ` + pgx.Identifier{reader.login}.Sanitize(),
	} {
		if _, err := tx.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	carla.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	out := carla.ok("verify")
	for _, want := range []string{
		"Audit trail intact: 1 assessment",
		"Recorded before grants were signed, so no signature vouches that assay granted it: " + carla.login +
			" holds the analyst role (granted by postgres at 2026-03-01T09:00:00Z). assay team grant LOGIN ROLE, run by an owner, records each again, signed.",
		"Not granted by assay in this database, and never acted here (verify names a role granted outside assay once its holder acts): ",
		reader.login + " holds the auditor role",
		"Roles are the server's: one granted for another team database on it is held here too. assay team grant LOGIN ROLE records it if it was meant, assay team revoke takes it back.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("verify said:\n%s\nwant in it: %q", out, want)
		}
	}
	// The unacted note names the login among the others, not run into
	// its neighbours' words.
	line := lineWith(out, "never acted here")
	if !strings.Contains(line, ": "+reader.login+" holds the auditor role") && !strings.Contains(line, "; "+reader.login+" holds the auditor role") {
		t.Errorf("the unacted note does not name %s as a holder of its own: %q", reader.login, line)
	}
	if strings.Contains(line, carla.login) {
		t.Errorf("the unacted note names carla, who acted: %q", line)
	}
}

// lineWith is the first line of out that holds s.
func lineWith(out, s string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
