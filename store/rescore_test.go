package store

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// summaryRow is an assessment's stored summary and list summary, as text.
func summaryRow(t *testing.T, db *DB, id int64) (summary, list string) {
	t.Helper()
	if err := db.sql.QueryRow(`SELECT summary, list FROM assessments WHERE id = ?`, id).Scan(&summary, &list); err != nil {
		t.Fatal(err)
	}
	return summary, list
}

func userVersion(t *testing.T, db *DB) int {
	t.Helper()
	var v int
	if err := db.sql.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// An older assay's summary says "low" under assay-scoring/1 for a vendor
// that this assay's rules rate otherwise; nobody changes the assessment
// again (it is approved). The list shows what its report shows once
// RescoreOlder has run, the approved assessment included, and the second
// run finds nothing to do.
func TestRescoreOlderRewritesSummariesAnOlderAssayStored(t *testing.T) {
	db, q := testDB(t)
	draft := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	approved := newAssessment(t, db, q, "Globex", day("2026-03-01"), completeAnswers())
	for _, act := range []assess.Action{assess.ActSubmit, assess.ActApprove} {
		if _, err := db.Review(as("Ana Analyst"), approved.ID, act, day("2026-03-02"), ""); err != nil {
			t.Fatal(err)
		}
	}
	wantDraft, wantDraftList := summaryRow(t, db, draft.ID)
	wantApproved, wantApprovedList := summaryRow(t, db, approved.ID)
	if !strings.Contains(wantDraft, `"scoring_version":"`+assess.ScoringVersion+`"`) || strings.Contains(wantDraft, `"level":"low"`) {
		t.Fatalf("the fixture's summary: %s", wantDraft)
	}
	// What an assay with scoring rules 1 left: its version and its level.
	mustExec(t, db.sql, `UPDATE assessments SET
		summary = json_set(summary, '$.scoring_version', 'assay-scoring/1', '$.level', 'low', '$.level_rank', 0),
		list = json_set(list, '$[8]', 'assay-scoring/1', '$[6]', 'low', '$[4]', 0)`)
	mustExec(t, db.sql, `PRAGMA user_version = 0`)
	if got := listedLevels(t, db); got != "Globex low; Acme Cloud Ltd low" {
		t.Fatalf("before: %s", got)
	}

	announced := 0
	n, err := db.RescoreOlder(context.Background(), func(n int) { announced = n })
	if err != nil || n != 2 || announced != 2 {
		t.Fatalf("rescored %d (announced %d): %v", n, announced, err)
	}
	for _, c := range []struct {
		id         int64
		want, list string
	}{{draft.ID, wantDraft, wantDraftList}, {approved.ID, wantApproved, wantApprovedList}} {
		if s, l := summaryRow(t, db, c.id); s != c.want || l != c.list {
			t.Errorf("assessment %d after rescoring:\n%s\n%s\nwant\n%s\n%s", c.id, s, l, c.want, c.list)
		}
	}
	if got := listedLevels(t, db); strings.Contains(got, "low") {
		t.Errorf("after: %s", got)
	}
	if v := userVersion(t, db); v != scoringGeneration() {
		t.Errorf("user_version %d, want %d", v, scoringGeneration())
	}
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil || res.OlderScoring != 0 {
		t.Fatalf("verify after rescoring: %v %v, %d older", err, res.Broken, res.OlderScoring)
	}

	announced = -1
	if n, err := db.RescoreOlder(context.Background(), func(n int) { announced = n }); err != nil || n != 0 || announced != -1 {
		t.Fatalf("second run: %d rescored, announced %d, %v", n, announced, err)
	}
}

// markOlder rewrites assessment id's summaries as an assay with scoring
// rules 1 left them: its version and a level of its own, low.
func markOlder(t *testing.T, db *DB, id int64) {
	t.Helper()
	rewriteSummaries(t, db, id, func(sum map[string]any, list []any) []any {
		sum["scoring_version"], sum["level"], sum["level_rank"] = "assay-scoring/1", "low", 0
		list[8], list[6], list[4] = "assay-scoring/1", "low", 0
		return list
	})
}

// rewriteSummaries stores assessment id's summary and list row as edit
// leaves them (edit returns the list row to store), as an older assay
// would have written them.
func rewriteSummaries(t *testing.T, db *DB, id int64, edit func(sum map[string]any, list []any) []any) {
	t.Helper()
	s, l := summaryRow(t, db, id)
	var sum map[string]any
	var list []any
	if err := json.Unmarshal([]byte(s), &sum); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(l), &list); err != nil {
		t.Fatal(err)
	}
	list = edit(sum, list)
	older, _ := json.Marshal(sum)
	olderList, _ := json.Marshal(list)
	mustExec(t, db.sql, `UPDATE assessments SET summary = ?, list = ? WHERE id = ?`, string(older), string(olderList), id)
}

func listedLevels(t *testing.T, db *DB) string {
	t.Helper()
	all, err := db.Assessments(context.Background(), assess.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range all {
		out = append(out, a.Subject+" "+a.Summary.Level)
	}
	return strings.Join(out, "; ")
}

// A database an assay with older rules wrote, with its own commands
// (testdata/before-signing.sql: three assessments scored under
// assay-scoring/1, one approved): all three are scored again, without a
// ledger entry (a summary is kept for lists, and no change of the
// assessment), and its audit trails stay intact.
func TestRescoreOlderOnADatabaseAnOlderAssayWrote(t *testing.T) {
	db := beforeSigning(t)
	n, err := db.RescoreOlder(context.Background(), nil)
	if err != nil || n != 3 {
		t.Fatalf("rescored %d: %v", n, err)
	}
	var older, entries int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM assessments WHERE json_extract(summary, '$.scoring_version') <> ?
		OR json_extract(list, '$[8]') <> ?`, assess.ScoringVersion, assess.ScoringVersion).Scan(&older); err != nil {
		t.Fatal(err)
	}
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM ledger`).Scan(&entries); err != nil {
		t.Fatal(err)
	}
	if older != 0 || entries != 0 {
		t.Errorf("%d summaries still older, %d ledger entries", older, entries)
	}
	// Its first change signs the checkpoint, and verify finds every
	// summary as this assay scores it.
	if err := db.SaveAnswer(as("Dana Reyes"), 2, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil || res.OlderScoring != 0 {
		t.Fatalf("verify: %v %v, %d older", err, res.Broken, res.OlderScoring)
	}
}

// A rescore cut short (Ctrl-C) leaves the mark as it was, so that the next
// start finds what is left; summaries a newer assay's rules wrote, marked
// with its number, are left as they are.
func TestRescoreOlderStopsCleanlyAndLeavesNewerRules(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	mustExec(t, db.sql, `UPDATE assessments SET summary = json_set(summary, '$.scoring_version', 'assay-scoring/1'),
		list = json_set(list, '$[8]', 'assay-scoring/1')`)
	mustExec(t, db.sql, `PRAGMA user_version = 0`)
	ctx, cancel := context.WithCancel(context.Background())
	n, err := db.RescoreOlder(ctx, func(int) { cancel() })
	if !errors.Is(err, context.Canceled) || n != 0 || userVersion(t, db) != 0 {
		t.Fatalf("cut short: %d rescored, %v, user_version %d", n, err, userVersion(t, db))
	}
	if n, err := db.RescoreOlder(context.Background(), nil); err != nil || n != 1 {
		t.Fatalf("the next start: %d rescored, %v", n, err)
	}

	newer := scoringGeneration() + 1
	mustExec(t, db.sql, `UPDATE assessments SET summary = json_set(summary, '$.scoring_version', ?), list = json_set(list, '$[8]', ?)`,
		scoringPrefix+strconv.Itoa(newer), scoringPrefix+strconv.Itoa(newer))
	before, _ := summaryRow(t, db, a.ID)
	mustExec(t, db.sql, `PRAGMA user_version = 0`)
	if n, err := db.RescoreOlder(context.Background(), nil); err != nil || n != 0 {
		t.Fatalf("newer rules: %d rescored, %v", n, err)
	}
	if after, _ := summaryRow(t, db, a.ID); after != before {
		t.Errorf("a newer assay's summary was rewritten:\n%s\n%s", before, after)
	}
	mustExec(t, db.sql, `PRAGMA user_version = `+strconv.Itoa(newer))
	if n, err := db.RescoreOlder(context.Background(), nil); err != nil || n != 0 || userVersion(t, db) != newer {
		t.Fatalf("marked by a newer assay: %d rescored, %v, user_version %d", n, err, userVersion(t, db))
	}
}

// RescoreOlderNow, which a team database's owner runs with assay team
// init, scores again every summary older rules stored, the approved
// assessment's included, on both stores, and then finds nothing to do.
// The older rows are written as an older assay left them: its version and
// a level of its own.
func TestRescoreOlderNowOnBothStores(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		draft := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		approved := newAssessment(t, db, q, "Globex", day("2026-03-01"), completeAnswers())
		for _, act := range []assess.Action{assess.ActSubmit, assess.ActApprove} {
			reviewer := "Ana Analyst"
			if act == assess.ActApprove {
				reviewer = "Rui Reviewer"
			}
			if _, err := db.Review(as(reviewer), approved.ID, act, day("2026-03-02"), ""); err != nil {
				t.Fatal(err)
			}
		}
		want := map[int64][2]string{}
		for _, id := range []int64{draft.ID, approved.ID} {
			s, l := summaryRow(t, db, id)
			want[id] = [2]string{s, l}
			markOlder(t, db, id)
		}
		if got := listedLevels(t, db); got != "Globex low; Acme Cloud Ltd low" {
			t.Fatalf("before: %s", got)
		}
		announced := 0
		owner := as("Iris Importer") // the login of assay team init, on the server
		n, err := db.RescoreOlderNow(owner, func(n int) { announced = n })
		if err != nil || n != 2 || announced != 2 {
			t.Fatalf("rescored %d (announced %d): %v", n, announced, err)
		}
		for id, w := range want {
			if s, l := summaryRow(t, db, id); s != w[0] || l != w[1] {
				t.Errorf("assessment %d after rescoring:\n%s\n%s\nwant\n%s\n%s", id, s, l, w[0], w[1])
			}
		}
		if n, err := db.RescoreOlderNow(owner, nil); err != nil || n != 0 {
			t.Errorf("second run: %d rescored, %v", n, err)
		}
	})
}
