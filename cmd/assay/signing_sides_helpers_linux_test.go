package main

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The databases the kill and race tests run the same writes against, and
// what they count and read there.

// signingSide is one database the sign-off and import tests run
// against: the environments of the analyst who starts and submits, of the
// approver who approves and gives the DPO's opinion, and of the importer
// (on a team database an owner: an import brings in records under other
// names), and the rows its tables hold. The analyst trusts the others'
// keys, so that the analyst's verify holds their signatures.
type signingSide struct {
	analyst, approver, importer []string
	rows                        func() map[string]int
	team                        bool // the team database
}

// onEachSide runs check on a personal database and on the team
// database, each a subtest of its own.
func onEachSide(t *testing.T, check func(*testing.T, signingSide)) {
	for name, side := range map[string]func(*testing.T) signingSide{"sqlite": sqliteSigning, "team": teamSigning} {
		t.Run(name, func(t *testing.T) { check(t, side(t)) })
	}
}

// sqliteSigning is a personal database in a fresh folder: one person's
// key, the approver signing under another name, as a colleague at the
// same desk would.
func sqliteSigning(t *testing.T) signingSide {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	return signingSide{
		analyst:  env,
		approver: withEnv(env, "ASSAY_REVIEWER", "Dee Pio"),
		importer: env,
		rows:     func() map[string]int { return sqliteRowCounts(t, db) },
	}
}

// teamSigning is a team database of the test's own, with an analyst's
// login, an approver's and an owner's.
func teamSigning(t *testing.T) signingSide {
	t.Helper()
	s := newTeamServer(t)
	ana, dee, own := s.person("ana", "analyst"), s.person("dee", "approver"), s.person("own", "owner", "analyst")
	ana.trust(dee)
	ana.trust(own)
	return signingSide{analyst: ana.env, approver: dee.env, importer: own.env, rows: func() map[string]int { return teamRowCounts(t, s) }, team: true}
}

// sqliteRowCounts counts the rows of every table a portfolio is in the
// personal database at path; none while no command has made it.
func sqliteRowCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return counts
	}
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, table := range []string{"subjects", "assessments", "answers", "plan_edits", "events", "subject_events", "signoffs", "ledger"} {
		var n int
		if err := raw.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
			t.Fatalf("counting %s: %v", table, err)
		}
		counts[table] = n
	}
	return counts
}

// envValue is the value env gives key ("" if none).
func envValue(env []string, key string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}

// newWorstVendor starts, as env's person, a vendor security screen of
// Acme Cloud Ltd dated 2026-03-01, answered with the worst answers
// (testdata/worst), and returns its ID: the assessment most of the kill
// tests write to.
func newWorstVendor(run func(env []string, args ...string) string, env []string) string {
	vendor := strings.TrimSpace(run(env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	run(env, "answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	return vendor
}
