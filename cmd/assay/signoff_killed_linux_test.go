package main

import (
	"maps"
	"strings"
	"testing"
)

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
	run := runsOK(t, bin)
	vendor := newWorstVendor(run, side.analyst)
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
