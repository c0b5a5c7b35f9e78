package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
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
	vendor := newWorstVendor(run, side.analyst)
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
// table holds the rows it held, what assay shows of it reads as before,
// assay verify passes, and the write made again succeeds. A new
// assessment, an answers file, a plan edit, a subject's edit (its row
// updated before its records); on SQLite an import too (the team
// database's imports are the owner's, from files of other databases:
// team_import_owner_test.go). An explanation and a sending are each one
// audit record and nothing else: for them the kill is a guard that the
// record and its ledger entry go together, and a sending killed so
// leaves no file for the vendor, which is written only once it is on
// record.
func TestWritesKilledAtTheirFirstAuditRecordLeaveNothingHalfMade(t *testing.T) {
	onEachSide(t, checkWritesKilledMidway)
}

func checkWritesKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := runsOK(t, bin)
	dir := t.TempDir()
	vendor := strings.TrimSpace(run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	// Groups tested one by one and none compared: a consistency check
	// that holds, for an explanation to stand beside.
	model := strings.TrimSpace(run(side.analyst, "new", "-q", "fairness-aia", "-s", "Loan model", "--date", "2026-03-01"))
	run(side.analyst, "answer", model, "-f", writeFile(t, dir, "model.yaml", "answers:\n  bias-testing: 'yes'\n  intersectional-testing: not-measured\n"))
	sent := filepath.Join(dir, "for-acme.yaml")
	assessments := 2
	for _, step := range []struct {
		args  []string
		shows []string // a read of what the write changes, the same after the kill
		adds  int      // assessments the write made again adds
	}{
		{[]string{"new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01"}, []string{"list", "--all"}, 1},
		{[]string{"answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml")}, []string{"score", vendor}, 0},
		{[]string{"plan", vendor, "--item", "mfa", "--owner", "Sam Ortiz"}, []string{"plan", vendor, "--csv"}, 0},
		{[]string{"subject", "edit", "Acme Cloud Ltd", "--name", "Acme Cloud Group", "--owner", "Sam Ortiz"}, []string{"subject", "list"}, 0},
		{[]string{"explain", model, "groups-tested-yet-none-compared", "Groups were compared one by one."}, []string{"score", model, "--as-of", "2026-03-02"}, 0},
		{[]string{"send", vendor, "-o", sent}, []string{"history", vendor}, 0},
	} {
		what := strings.Join(step.args[:2], " ")
		before, shown := side.rows(), run(side.analyst, step.shows...)
		killedAt(t, side.analyst, "audit-record-due", step.args...)
		if after := side.rows(); !maps.Equal(after, before) {
			t.Errorf("%s killed midway changed the database: rows %v, before %v", what, after, before)
		}
		if now := run(side.analyst, step.shows...); now != shown {
			t.Errorf("%s killed midway changed what assay %s shows:\n%s\nbefore:\n%s", what, strings.Join(step.shows, " "), now, shown)
		}
		if _, err := os.Stat(sent); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("after %s was killed midway, a file for the vendor is there (%v)", what, err)
		}
		if out := run(side.analyst, "verify"); !strings.Contains(out, fmt.Sprintf("Audit trail intact: %d assessments", assessments)) {
			t.Errorf("verify after %s was killed midway:\n%s", what, out)
		}
		run(side.analyst, step.args...)
		if after := side.rows(); after["events"]+after["subject_events"] <= before["events"]+before["subject_events"] {
			t.Errorf("%s made again recorded nothing: rows %v, before %v", what, after, before)
		}
		if now := run(side.analyst, step.shows...); now == shown {
			t.Errorf("%s made again changed nothing assay %s shows:\n%s", what, strings.Join(step.shows, " "), now)
		}
		assessments += step.adds
	}
	if _, err := os.Stat(sent); err != nil {
		t.Errorf("send made again wrote no file for the vendor: %v", err)
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
	vendor := newWorstVendor(run, side.analyst)
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
	holds := func() int { return analystRoleHeld(ctx, t, s, bo.login) }
	records := func() int { return grantRecords(ctx, t, s, bo.login) }
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

// A team revocation killed with SIGKILL inside its transaction, the role
// taken back and its signed record not yet written, takes nothing back:
// the login still holds the role, the team's grant records and ledger are
// as they were and verify passes; the revocation made again takes the
// role back and records it. Roles are the server's: the team database
// only.
func TestTeamRevokeKilledBeforeItsRecordRevokesNothing(t *testing.T) {
	s := newTeamServer(t)
	bo, ana := s.person("bo", "analyst"), s.person("ana", "analyst")
	ctx := context.Background()
	holds := func() int { return analystRoleHeld(ctx, t, s, bo.login) }
	records := func() int { return grantRecords(ctx, t, s, bo.login) }
	entries := func() int {
		return serverCount(ctx, t, s, `SELECT COUNT(*) FROM `+pgx.Identifier{s.schema, "ledger"}.Sanitize())
	}
	granted, ledger := records(), entries()
	killedAt(t, procEnv(s.adminDir, s.su), "membership-changed", "team", "revoke", bo.login, "analyst")
	if n, r, e := holds(), records(), entries(); n != 1 || r != granted || e != ledger {
		t.Errorf("team revoke killed midway: the login holds the role %d times, %d grant records name it, %d ledger entries; want 1, %d and %d as before", n, r, e, granted, ledger)
	}
	if out := ana.ok("verify"); !strings.Contains(out, "intact") {
		t.Errorf("verify after team revoke was killed midway:\n%s", out)
	}
	if r := s.admin("team", "revoke", bo.login, "analyst"); r.code != 0 {
		t.Fatalf("team revoke made again: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if n, r := holds(), records(); n != 0 || r != granted+1 {
		t.Errorf("team revoke made again: the login holds the role %d times, %d grant records name it; want none and %d", n, r, granted+1)
	}
}

// analystRoleHeld is how many times login holds the analyst role on s's
// server (0 or 1).
func analystRoleHeld(ctx context.Context, t *testing.T, s *teamServer, login string) int {
	return serverCount(ctx, t, s, `SELECT COUNT(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
		WHERE r.rolname = 'assay_analyst' AND u.rolname = $1`, login)
}

// grantRecords is how many of the team's signed grant records name login.
func grantRecords(ctx context.Context, t *testing.T, s *teamServer, login string) int {
	return serverCount(ctx, t, s, `SELECT COUNT(*) FROM `+pgx.Identifier{s.schema, "team_grants"}.Sanitize()+` WHERE login = $1`, login)
}
