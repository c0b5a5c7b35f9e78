package main

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// The writes that are a ledger entry and nothing else, a key registered
// by assay key and a verify checkpoint signed by assay verify
// --checkpoint, killed with SIGKILL inside their transaction once the
// entry's row is written and before its leaves, record nothing: the
// ledger holds the entries it held, assay verify passes, and the write
// made again records its entry. Each is one transaction already: this is
// a guard. On SQLite and on the team database.
func TestLedgerWritesKilledMidwayRecordNothing(t *testing.T) {
	onEachSide(t, checkLedgerWritesKilledMidway)
}

func checkLedgerWritesKilledMidway(t *testing.T, side signingSide) {
	bin := assayBinary(t)
	run := runsOK(t, bin)
	run(side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	// Someone the analyst trusts whose key this database does not hold
	// yet: the team's owner, who has changed nothing there; on a file,
	// a colleague at the same desk with a key of their own, made on
	// another file.
	holder := side.importer
	if !side.team {
		holder = withEnv(withEnv(side.analyst, "XDG_CONFIG_HOME", t.TempDir()), "ASSAY_REVIEWER", "Kit Newton")
		key := publicKey(run(withEnv(holder, "ASSAY_DB", filepath.Join(t.TempDir(), "own.db")), "key"))
		run(side.analyst, "key", "trust", "Kit Newton", key)
	}
	for _, step := range []struct {
		env  []string
		args []string
		says string // what the write made again says
	}{
		{holder, []string{"key"}, "Registered in "},
		{side.analyst, []string{"verify", "--checkpoint"}, "Verify checkpoint recorded: ledger entry "},
	} {
		what := strings.Join(step.args, " ")
		before := side.rows()
		killedAt(t, step.env, "ledger-entry-written", step.args...)
		if after := side.rows(); !maps.Equal(after, before) {
			t.Errorf("assay %s killed midway changed the database: rows %v, before %v", what, after, before)
		}
		if out := run(side.analyst, "verify", "--incremental"); !strings.Contains(out, "Checked everything: there is no verify checkpoint of yours in this database.") ||
			!strings.Contains(out, "Audit trail intact: 1 assessment") {
			t.Errorf("verify after assay %s was killed midway:\n%s", what, out)
		}
		if out := run(step.env, step.args...); !strings.Contains(out, step.says) {
			t.Errorf("assay %s made again after the killed one says:\n%s\nwant %q", what, out, step.says)
		}
		if after := side.rows(); after["ledger"] != before["ledger"]+1 {
			t.Errorf("assay %s made again: %d ledger entries, %d before; want one more", what, after["ledger"], before["ledger"])
		}
	}
	if out := run(side.analyst, "verify", "--incremental"); !strings.Contains(out, "Incremental: checked what changed since your verify checkpoint") {
		t.Errorf("verify --incremental after the checkpoint made again:\n%s", out)
	}
}
