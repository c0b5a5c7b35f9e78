package main

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"
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
	for name, side := range map[string]func(*testing.T) signingSide{"sqlite": sqliteSigning, "team": teamSigning} {
		t.Run(name, func(t *testing.T) {
			checkReviseKilledMidway(t, side(t))
		})
	}
}

func checkReviseKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := func(env []string, args ...string) string {
		t.Helper()
		return runOK(t, bin, env, args...)
	}
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
