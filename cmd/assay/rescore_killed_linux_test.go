package main

import (
	"context"
	"database/sql"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Scoring stored summaries again, which the first command after an
// upgrade does on a personal database whose summaries an assay of older
// scoring rules wrote, killed with SIGKILL inside its batch's
// transaction, one summary scored again and the batch not committed,
// leaves every summary and the database's mark of its scoring rules as
// they were; the next command scores them all again and marks the file,
// and verify passes. The batch is one transaction already: a guard.
// (TestTeamRescoreKilledMidwayLeavesTheOlderSummaries is the team
// database's.)
func TestRescoreKilledMidwayLeavesTheOlderSummaries(t *testing.T) {
	side := sqliteSigning(t)
	bin := assayBinary(t)
	run := runsOK(t, bin)
	newWorstVendor(run, side.analyst)
	run(side.analyst, "new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01")
	path := envValue(side.analyst, "ASSAY_DB")
	current := storedScoring(t, path)
	if current.mark == 0 || !strings.Contains(current.summaries["1"], `"scoring_version":"`+assess.ScoringVersion+`"`) {
		t.Fatalf("this assay's summaries and mark: %+v", current)
	}
	listed := run(side.analyst, "list")

	// What an assay with scoring rules 1 left: its version, and a level
	// these rules do not give the worst answers.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`UPDATE assessments SET summary = json_set(summary, '$.scoring_version', 'assay-scoring/1', '$.level', 'low', '$.level_rank', 0),
			list = json_set(list, '$[8]', 'assay-scoring/1', '$[6]', 'low', '$[4]', 0)`,
		`PRAGMA user_version = 0`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()
	older := storedScoring(t, path)
	if older.mark != 0 || maps.Equal(older.summaries, current.summaries) {
		t.Fatalf("the older summaries were not planted: %+v", older)
	}

	killedAt(t, side.analyst, "summary-rescored", "list")
	if after := storedScoring(t, path); after.mark != older.mark || !maps.Equal(after.summaries, older.summaries) {
		t.Errorf("scoring again killed midway changed the stored summaries or the mark:\n%+v\nbefore:\n%+v", after, older)
	}

	r := runProc(bin, side.analyst, "list")
	if r.code != 0 || r.stdout != listed || !strings.Contains(r.errs, "Scored 2 assessments again") {
		t.Errorf("assay list after scoring again was killed: exit %d\n%s%s\nwant the list as this assay scores it:\n%s", r.code, r.stdout, r.errs, listed)
	}
	if after := storedScoring(t, path); after.mark != current.mark || !maps.Equal(after.summaries, current.summaries) {
		t.Errorf("after scoring again made again:\n%+v\nwant:\n%+v", after, current)
	}
	if out := run(side.analyst, "verify"); !strings.Contains(out, "Audit trail intact: 2 assessments") {
		t.Errorf("verify after scoring again made again:\n%s", out)
	}
}

// scoring is what a personal database stores of its scoring: each
// assessment's summary and list summary, and the file's mark of the
// scoring rules they all follow (PRAGMA user_version).
type scoring struct {
	summaries map[string]string
	mark      int
}

func storedScoring(t *testing.T, path string) scoring {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	ctx := context.Background()
	s := scoring{summaries: map[string]string{}}
	if err := raw.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&s.mark); err != nil {
		t.Fatal(err)
	}
	rows, err := raw.QueryContext(ctx, `SELECT id, summary, list FROM assessments`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, summary, list string
		if err := rows.Scan(&id, &summary, &list); err != nil {
			t.Fatal(err)
		}
		s.summaries[id] = summary + "\n" + list
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

// On the team database the owner's assay team init scores the older
// summaries again: killed the same way, it leaves them as they were, and
// made again it scores them all.
func TestTeamRescoreKilledMidwayLeavesTheOlderSummaries(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	vendor := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", vendor, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	ana.ok("new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01")
	current := serverSummaries(t, s)
	// What an older assay stored: its rules' version and a level of its own.
	if _, err := s.raw.Exec(`UPDATE assessments SET
		summary = replace(replace(summary, '"scoring_version":"` + assess.ScoringVersion + `"', '"scoring_version":"assay-scoring/1"'), '"level":"critical"', '"level":"low"'),
		list = replace(replace(list, '"` + assess.ScoringVersion + `"', '"assay-scoring/1"'), '"critical"', '"low"')`); err != nil {
		t.Fatal(err)
	}
	older := serverSummaries(t, s)
	for id, summary := range older {
		if summary == current[id] {
			t.Fatalf("assessment %s's older summary was not planted: %s", id, summary)
		}
	}

	killedAt(t, procEnv(s.adminDir, s.su), "summary-rescored", "team", "init")
	if after := serverSummaries(t, s); !maps.Equal(after, older) {
		t.Errorf("team init killed while scoring again changed the stored summaries:\n%v\nbefore:\n%v", after, older)
	}
	want := "Scored 2 assessments again under " + assess.ScoringVersion + ": their stored levels came from an older assay.\n"
	if r := s.admin("team", "init"); r.code != 0 || !strings.HasSuffix(withoutSignatures(r.stdout), want) {
		t.Errorf("team init made again: exit %d, printed %q, want it to end %q %s", r.code, r.stdout, want, r.errs)
	}
	if after := serverSummaries(t, s); !maps.Equal(after, current) {
		t.Errorf("after team init made again:\n%v\nwant:\n%v", after, current)
	}
	if out := ana.ok("verify"); !strings.Contains(out, "Audit trail intact: 2 assessments") {
		t.Errorf("verify after team init made again:\n%s", out)
	}
}

// serverSummaries is each assessment's stored summary and list summary on
// the team database, by ID.
func serverSummaries(t *testing.T, s *teamServer) map[string]string {
	t.Helper()
	rows, err := s.raw.QueryContext(context.Background(), `SELECT id, summary, list FROM assessments`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, summary, list string
		if err := rows.Scan(&id, &summary, &list); err != nil {
			t.Fatal(err)
		}
		out[id] = summary + "\n" + list
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
