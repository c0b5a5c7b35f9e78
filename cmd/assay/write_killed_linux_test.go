package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A revision (a new assessment made from an approved one, carrying its
// answers and plan edits) killed with SIGKILL inside its transaction, its
// assessment row, answers and plan edits copied and none of its audit
// records written, leaves nothing half made: every table holds the rows
// it held, assay verify passes, and the revision made again succeeds and
// carries every answer. The kill lands there by construction (killedAt:
// the binary built for it stops itself there). On SQLite and on the team
// database.
func TestReviseKilledMidwayLeavesNothingHalfMade(t *testing.T) {
	onEachSide(t, checkReviseKilledMidway)
}

func checkReviseKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := runsOK(t, bin)
	vendor := strings.TrimSpace(run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	run(side.analyst, "answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	run(side.analyst, "plan", vendor, "--item", "mfa", "--owner", "Sam Ortiz")
	run(side.analyst, "review", vendor, "--submit", "--comment", "Ready for the committee")
	run(side.approver, "review", vendor, "--approve", "--comment", "Plan agreed")

	before := side.rows()
	killedAt(t, side.analyst, "revision-copied", "revise", vendor)
	if after := side.rows(); !maps.Equal(after, before) {
		t.Errorf("revise killed midway changed the database: rows %v, before %v", after, before)
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after revise was killed midway:\n%s", out)
	}
	r := runProc(bin, side.analyst, "revise", vendor)
	revision := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.Contains(r.errs, "Assessment "+revision+" is revision 2 of approved assessment "+vendor+", which stays as it was") {
		t.Fatalf("revise made again after the killed one: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	// The revision carries the approved assessment's answers and its one
	// plan edit, each with its own audit record.
	// Before it, the approved assessment held every answer and plan edit.
	after := side.rows()
	if before["answers"] == 0 || after["assessments"] != before["assessments"]+1 || after["answers"] != 2*before["answers"] || after["plan_edits"] != 2*before["plan_edits"] {
		t.Errorf("revise made again: rows %v, before %v; want one more assessment and a copy of each answer and plan edit", after, before)
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 2 assessments") {
		t.Errorf("verify after the revise made again:\n%s", out)
	}
}

// Each of the other writes of more than one statement, killed with
// SIGKILL inside its transaction as its first audit record is about to be
// written (its rows by then written), leaves nothing half made: every
// table holds the rows it held, assay verify passes, and the write made
// again succeeds. A new assessment, an answers file, a plan edit; on
// SQLite an import too (the team database's imports are the owner's, from
// files of other databases: team_import_owner_test.go). A team grant,
// killed with the role granted and not yet recorded, leaves the login
// without the role and no record of it.
func TestWritesKilledAtTheirFirstAuditRecordLeaveNothingHalfMade(t *testing.T) {
	onEachSide(t, checkWritesKilledMidway)
}

func checkWritesKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := runsOK(t, bin)
	vendor := strings.TrimSpace(run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	assessments := 1
	for _, step := range []struct {
		args []string
		adds int // assessments the write made again adds
	}{
		{[]string{"new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01"}, 1},
		{[]string{"answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml")}, 0},
		{[]string{"plan", vendor, "--item", "mfa", "--owner", "Sam Ortiz"}, 0},
	} {
		what := strings.Join(step.args[:2], " ")
		before := side.rows()
		killedAt(t, side.analyst, "audit-record-due", step.args...)
		if after := side.rows(); !maps.Equal(after, before) {
			t.Errorf("%s killed midway changed the database: rows %v, before %v", what, after, before)
		}
		if out := run(side.analyst, "verify"); !strings.Contains(out, fmt.Sprintf("Audit trail intact: %d assessment", assessments)) {
			t.Errorf("verify after %s was killed midway:\n%s", what, out)
		}
		run(side.analyst, step.args...)
		if after := side.rows(); after["events"] <= before["events"] {
			t.Errorf("%s made again recorded nothing: rows %v, before %v", what, after, before)
		}
		assessments += step.adds
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, fmt.Sprintf("Audit trail intact: %d assessments", assessments)) {
		t.Errorf("verify after the writes made again:\n%s", out)
	}
}

// An import killed with SIGKILL inside its transaction, the file's
// assessment, answers, sign-offs and audit records written and the
// import's own record not yet, leaves the database it was importing into
// as it was, and the import made again stores the assessment whole.
func TestImportKilledAtItsOwnRecordLeavesNothingHalfMade(t *testing.T) {
	side := sqliteSigning(t)
	bin := assayBinary(t)
	run := runsOK(t, bin)
	vendor := strings.TrimSpace(run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	run(side.analyst, "answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	run(side.analyst, "review", vendor, "--submit", "--comment", "Ready for the committee")
	run(side.approver, "review", vendor, "--approve", "--comment", "Plan agreed")
	exported := run(side.analyst, "export", vendor)
	dir := filepath.Dir(envValue(side.analyst, "ASSAY_DB"))
	file := filepath.Join(dir, "acme.json")
	if err := os.WriteFile(file, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	// Another database of the same person, with an assessment of its own.
	other := filepath.Join(dir, "other.db")
	env := withEnv(side.analyst, "ASSAY_DB", other)
	run(env, "new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01")

	before := sqliteRowCounts(t, other)
	killedAt(t, env, "audit-record-due", "import", file)
	if after := sqliteRowCounts(t, other); !maps.Equal(after, before) {
		t.Errorf("import killed midway changed the database: rows %v, before %v", after, before)
	}
	if out := run(env, "verify"); !strings.Contains(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after the import was killed midway:\n%s", out)
	}
	run(env, "import", file)
	source := sqliteRowCounts(t, envValue(side.analyst, "ASSAY_DB"))
	if after := sqliteRowCounts(t, other); after["assessments"] != 2 || after["answers"] != before["answers"]+source["answers"] || after["signoffs"] != source["signoffs"] {
		t.Errorf("import made again: rows %v, before %v; want the file's assessment with its %d answers and %d sign-offs", after, before, source["answers"], source["signoffs"])
	}
	if out := run(env, "verify"); !strings.Contains(out, "Audit trail intact: 2 assessments") {
		t.Errorf("verify after the import made again:\n%s", out)
	}
}

// A team grant killed with SIGKILL inside its transaction, the role
// granted and its signed record not yet written, leaves the login without
// the role and the team's grant records as they were; the grant made
// again gives the role and records it.
func TestTeamGrantKilledBeforeItsRecordGrantsNothing(t *testing.T) {
	s := newTeamServer(t)
	bo := s.person("bo")
	ctx := context.Background()
	holds := func() int {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
			WHERE r.rolname = 'assay_analyst' AND u.rolname = $1`, bo.login)
	}
	records := func() int {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM `+pgx.Identifier{s.schema, "team_grants"}.Sanitize()+` WHERE login = $1`, bo.login)
	}
	killedAt(t, procEnv(s.adminDir, s.su), "membership-changed", "team", "grant", bo.login, "analyst")
	if n, r := holds(), records(); n != 0 || r != 0 {
		t.Errorf("team grant killed midway: the login holds the role %d times, %d grant records name it; want none of either", n, r)
	}
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 {
		t.Fatalf("team grant made again: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if n, r := holds(), records(); n != 1 || r != 1 {
		t.Errorf("team grant made again: the login holds the role %d times, %d grant records name it; want one of each", n, r)
	}
}
