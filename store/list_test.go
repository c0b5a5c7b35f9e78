package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// checkListSummary checks that a list's summary says what the full one
// says: every field but the plan items, and the same counts of open and
// overdue items on every day that matters (each due date and expiry, the
// days either side, and far before and after).
func checkListSummary(t *testing.T, list, full assess.Summary) {
	t.Helper()
	strip := func(s assess.Summary) assess.Summary { s.Items = nil; return s }
	if !reflect.DeepEqual(strip(list), strip(full)) {
		t.Errorf("list summary\n %+v\nfull summary\n %+v", strip(list), strip(full))
	}
	days := []assess.Date{assess.NewDate(1990, 1, 1), assess.NewDate(2200, 1, 1)}
	for _, it := range full.Items {
		for _, d := range []assess.Date{it.Due, it.AcceptedUntil} {
			if !d.IsZero() {
				days = append(days, d.AddDays(-1), d, d.AddDays(1))
			}
		}
	}
	for _, d := range days {
		lo, lod := list.OpenOn(d)
		fo, fod := full.OpenOn(d)
		if lo != fo || lod != fod {
			t.Errorf("on %s the list counts %d open, %d overdue; the full summary %d, %d", d, lo, lod, fo, fod)
		}
	}
}

// A summary with every kind of plan item, and text that needs escaping.
func listSeedSummaries() []assess.Summary {
	d := assess.NewDate
	return []assess.Summary{
		{},
		{ScoringVersion: "assay-scoring/1", LevelRank: -1, Total: 12},
		{ScoringVersion: "assay-scoring/1", Level: "high", LevelTitle: "High risk", LevelRank: 2, LevelOf: 3, Answered: 20, Total: 20,
			Complete: true, Findings: 5, Items: []assess.ItemSummary{
				{Key: "mfa", Severity: assess.Critical, Due: d(2026, 1, 20), Status: assess.ItemOpen},
				{Key: "dpa", Severity: assess.Low, Due: d(2026, 7, 1), Status: assess.ItemAccepted, AcceptedUntil: d(2026, 9, 30)},
				{Key: "pen", Severity: assess.Critical, Due: d(2026, 1, 20), Status: assess.ItemOpen},
				{Key: "log", Severity: assess.High, Due: d(2026, 2, 4), Status: assess.ItemInProgress},
				{Key: "bak", Severity: assess.Medium, Due: d(2026, 4, 5), Status: assess.ItemDone},
			}},
		{Level: `quote " back \\ slash`, LevelTitle: "Ünïcode <b>&</b>\u2028", LevelRank: 0, LevelOf: 1,
			Items: []assess.ItemSummary{{Key: "k", Status: assess.ItemOpen}}},
		{Level: "tab\there", LevelTitle: "\x01", ScoringVersion: "v"},
	}
}

// unsettledSummary is a new assessment's: its level is the worst case
// until answers settle it. Migration 004 predates the flag, so it is not
// among the seeds the migration is checked on.
func unsettledSummary() assess.Summary {
	return assess.Summary{ScoringVersion: "assay-scoring/2", Level: "critical", LevelTitle: "Overall risk", LevelRank: 3, LevelOf: 4,
		LevelUnsettled: true, Total: 24}
}

// What the store writes reads back as the same summary for lists, by the
// hand-written reader.
func TestListSummaryRoundTrip(t *testing.T) {
	for _, s := range append(listSeedSummaries(), unsettledSummary()) {
		enc := encodeList(s)
		got, err := decodeList(enc)
		if err != nil {
			t.Fatalf("decodeList(%s): %v", enc, err)
		}
		checkListSummary(t, got, s)
	}
	// The usual summary takes the fast path, or it is useless.
	for _, s := range []assess.Summary{listSeedSummaries()[2], unsettledSummary()} {
		if _, fast := fastList(encodeList(s)); !fast {
			t.Errorf("a list summary as written does not take the fast path: %s", encodeList(s))
		}
	}
}

// decodeList gives what listJSON gives, error or not, whichever path it
// takes.
func checkListDecode(t *testing.T, s string) {
	t.Helper()
	want, wantErr := listJSON(s)
	got, err := decodeList(s)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("decodeList(%q): error %v, listJSON: %v", s, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeList(%q):\n got %#v\nwant %#v", s, got, want)
	}
}

func listSeeds() []string {
	seeds := []string{
		`[0,0,0,0,0,0,"","","",[]]`,
		`[100,100,1,20,1,3,"medium","overall","assay-scoring/1",[["open","2026-01-20","",3],["open","2026-02-04","",5]]]`,
		` [ 1 , 2 , 0 , 0 , -1 , 0 , "" , "" , "" , [ [ "done" , "" , "" , 1 ] ] ] `,
		`[null,null,null,null,null,null,null,null,null,null]`,
		`[1,2,3]`,
		`[1,2,0,0,0,0,"a\"b","","",[]]`,
		`[1.0,2,0,0,0,0,"","","",[]]`,
		`[01,2,0,0,0,0,"","","",[]]`,
		`[99999999999999999999,2,0,0,0,0,"","","",[]]`,
		`[1,2,0,0,0,0,"","","",[["open","2026-02-30","",1]]]`,
		`[1,2,0,0,0,0,"","","",[["open","2026-02-28","2024-02-29",1]]]`,
		`[1,2,0,0,0,0,"","","",[["open","2026-1-05","",1]]]`,
		`[1,2,0,0,0,0,"","","",[["open","","",1,2]]]`,
		`[1,2,0,0,0,0,"","","",[["open","",""]]]`,
		"[1,2,0,0,0,0,\"\xff\",\"\",\"\",[]]",
		`[1,2,0,0,0,0,"","","",[]]x`,
		`[1,2,0,0,0,0,"","","",[],]`,
		`[0,24,0,0,3,4,"critical","Overall risk","assay-scoring/2",[],1]`,
		`[0,24,0,0,3,4,"critical","Overall risk","assay-scoring/2",[],0]`,
		`[0,24,0,0,3,4,"critical","Overall risk","assay-scoring/2",[],true]`,
		`[0,24,0,0,3,4,"critical","Overall risk","assay-scoring/2",[],1,1]`,
		`{}`,
		``,
	}
	for _, s := range append(listSeedSummaries(), unsettledSummary()) {
		seeds = append(seeds, encodeList(s))
	}
	return seeds
}

func TestDecodeListAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range listSeeds() {
		checkListDecode(t, s)
		// A subject's history reads the level alone, whether it is
		// settled and whether the use is forbidden, the same.
		if sum, err := decodeList(s); err == nil {
			if h, err := listLevel(s); err != nil || h.Level != sum.Level || h.LevelUnsettled != sum.LevelUnsettled || h.UseForbidden != sum.UseForbidden {
				t.Errorf("listLevel(%q) = %+v, %v; decodeList's level %q, %v, %v", s, h, err, sum.Level, sum.LevelUnsettled, sum.UseForbidden)
			}
		}
	}
}

func FuzzDecodeList(f *testing.F) {
	for _, s := range listSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkListDecode(t, s) })
}

// Migration 004 writes from a stored summary what the store writes: each
// seed summary is stored, its list column cleared and written again by
// the migration's UPDATE, and read back.
func TestMigrationWritesTheListTheStoreWrites(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	body, err := migrationFS.ReadFile("migrations/004_list.sql")
	if err != nil {
		t.Fatal(err)
	}
	update := ""
	for _, stmt := range splitStatements(string(body)) {
		if strings.HasPrefix(stmt, "UPDATE") {
			update = stmt
		}
	}
	if update == "" {
		t.Fatal("migration 004 has no UPDATE")
	}
	for _, s := range listSeedSummaries() {
		b, _ := json.Marshal(s)
		if _, err := db.sql.Exec(`UPDATE assessments SET summary = ?, list = '' WHERE id = ?`, string(b), a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.sql.Exec(update); err != nil {
			t.Fatal(err)
		}
		var list string
		if err := db.sql.QueryRow(`SELECT list FROM assessments WHERE id = ?`, a.ID).Scan(&list); err != nil {
			t.Fatal(err)
		}
		got, err := decodeList(list)
		if err != nil {
			t.Fatalf("the migration wrote %s: %v", list, err)
		}
		var full assess.Summary
		if err := json.Unmarshal(b, &full); err != nil {
			t.Fatal(err)
		}
		checkListSummary(t, got, full)
		if _, fast := fastList(list); !fast && s.Level == "high" {
			t.Errorf("the migration's %s does not take the fast path", list)
		}
	}
}

// splitStatements splits SQL at the semicolons that end its lines,
// dropping comment lines; enough for the migrations.
func splitStatements(src string) []string {
	var out []string
	var cur strings.Builder
	for line := range strings.Lines(src) {
		if strings.HasPrefix(line, "--") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	return out
}

// Every list reads the index assessments_list alone, never the wide rows
// (migration 004): a column added to listColumns but not to the index
// fails here.
func TestListReadsTheIndexAlone(t *testing.T) {
	db, _ := testDB(t)
	for _, query := range []string{
		`SELECT ` + listColumns + ` FROM assessments a` + listOrder,
		`SELECT ` + listColumns + ` FROM assessments a WHERE a.archived = 0` + listOrder,
		`SELECT ` + listColumns + ` FROM assessments a WHERE a.archived = 0` + listOrder + ` LIMIT 40`, // a page
		`SELECT ` + historyColumns + ` FROM assessments a` + historyWhere + listOrder,
	} {
		rows, err := db.sql.Query(`EXPLAIN QUERY PLAN ` + query)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if len(plan) != 1 || plan[0] != "SCAN a USING COVERING INDEX assessments_list" {
			t.Errorf("%s: query plan %q", query, plan)
		}
	}
}
