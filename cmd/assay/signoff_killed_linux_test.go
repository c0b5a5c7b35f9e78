package main

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// signingSide is one database the sign-off and import tests run
// against: the environments of the analyst who starts and submits, of the
// approver who approves and gives the DPO's opinion, and of the importer
// (on a team database an owner: an import brings in records under other
// names), and the rows its tables hold. The analyst trusts the others'
// keys, so that the analyst's verify holds their signatures.
type signingSide struct {
	analyst, approver, importer []string
	rows                        func() map[string]int
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
	return signingSide{analyst: ana.env, approver: dee.env, importer: own.env, rows: func() map[string]int { return teamRowCounts(t, s) }}
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

// A sign-off (a submission, an approval, a DPO's opinion) killed with
// SIGKILL inside its transaction, its row written and its audit record
// not yet, records nothing: every table holds the rows it held, assay
// verify passes, and the same sign-off made again succeeds. The kill
// lands there by construction (killedAt: the binary built for it stops
// itself there). On SQLite and on the team database.
func TestSignOffKilledMidwayRecordsNothing(t *testing.T) {
	onEachSide(t, checkSignOffKilledMidway)
}

func checkSignOffKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := func(env []string, args ...string) string {
		t.Helper()
		return runOK(t, bin, env, args...)
	}
	vendor := strings.TrimSpace(run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	run(side.analyst, "answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	dpia := strings.TrimSpace(run(side.analyst, "new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01"))

	for _, step := range []struct {
		env  []string
		args []string
		says string // what the sign-off made again says
	}{
		{side.analyst, []string{"review", vendor, "--submit", "--comment", "Ready for the committee"}, "Assessment " + vendor + " is now in review: submitted by "},
		{side.approver, []string{"dpo", dpia, "--opinion", "favourable-with-reservations", "--comment", "Shorten retention"}, "DPO opinion on assessment " + dpia + ": favourable-with-reservations, by "},
		{side.approver, []string{"review", vendor, "--approve", "--comment", "Plan agreed"}, "Assessment " + vendor + " is now approved: approved by "},
	} {
		what := strings.Join(step.args[:2], " ") + " " + step.args[2]
		before := side.rows()
		killedAt(t, step.env, "signoff-inserted", step.args...)
		if after := side.rows(); !maps.Equal(after, before) {
			t.Errorf("%s killed midway changed the database: rows %v, before %v", what, after, before)
		}
		if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 2 assessments") {
			t.Errorf("verify after %s was killed midway:\n%s", what, out)
		}
		if out := run(step.env, step.args...); !strings.Contains(out, step.says) {
			t.Errorf("%s made again after the killed one says:\n%s\nwant %q", what, out, step.says)
		}
		if after := side.rows(); after["signoffs"] != before["signoffs"]+1 {
			t.Errorf("%s made again: %d sign-offs, %d before; want one more", what, after["signoffs"], before["signoffs"])
		}
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 2 assessments") {
		t.Errorf("verify after the sign-offs made again:\n%s", out)
	}
}
