package store

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/questionnaires"
)

// importSeed is a real assessment file: answers with notes and evidence,
// a vendor answer, a plan edit with a milestone and a signature, so that
// mutations start from a file that imports.
func importSeed(f testing.TB) []byte {
	f.Helper()
	db, err := Open(filepath.Join(f.TempDir(), "seed.db"), questionnaires.Decode)
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.UseKey(testKey)
	lib, err := questionnaires.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	ctx := assess.WithActor(context.Background(), "Ana Analyst")
	a := &assess.Assessment{Subject: "Acme | <b>Cloud</b>", SubjectKind: "vendor", Questionnaire: q, AssessedOn: assess.NewDate(2026, 1, 31)}
	if err := db.CreateAssessment(ctx, a); err != nil {
		f.Fatal(err)
	}
	mfa := assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{"partial"}}, Note: "Admins only.", Evidence: []string{"SSO policy v2"}}
	vendor := assess.Answer{QuestionID: "policy", Value: assess.Value{Choices: []string{"yes"}}, Source: assess.ByVendor}
	for _, ans := range []assess.Answer{mfa, vendor} {
		if err := db.SaveAnswer(ctx, a.ID, ans); err != nil {
			f.Fatal(err)
		}
	}
	if err := editPlan(ctx, db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Sam", Milestones: []assess.Milestone{{Title: "Admins"}}}); err != nil {
		f.Fatal(err)
	}
	if _, err := db.Review(ctx, a.ID, assess.ActSubmit, assess.NewDate(2026, 2, 1), "ready", assess.AcceptUnconfirmed); err != nil {
		f.Fatal(err)
	}
	file, err := db.Export(ctx, a.ID)
	if err != nil {
		f.Fatal(err)
	}
	b, err := export.Marshal(file)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// rowCounts is the number of rows in every table: a refused import must
// leave each exactly as it was.
func rowCounts(t *testing.T, db *DB) string {
	t.Helper()
	query := `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`
	if db.Team() {
		query = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`
	}
	rows, err := db.sql.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	out := ""
	for _, table := range tables {
		var n int
		if err := db.sql.QueryRow(`SELECT COUNT(*) FROM "` + table + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out += fmt.Sprintf("%s=%d ", table, n)
	}
	return out
}

// FuzzImport feeds assessment files to the whole import, decode and check
// and store, on one database per fuzzing process. It must never panic; a
// file it refuses must leave every table as it was; a file it accepts must
// read back, verify and export with the same answers.
func FuzzImport(f *testing.F) {
	seed := importSeed(f)
	f.Add(seed)
	for _, s := range []string{
		"", "{}", "[]", "null", `{"format": "assay-assessment", "format_version": 1}`,
		`{"format": "assay-assessment", "format": "x"}`, "{\"a\": \"\xff\"}", "\x00",
	} {
		f.Add([]byte(s))
	}
	// Starts near the refusals of keys encoding/json would fold onto a
	// field's name and of unsigned export dates (checkKeys, CheckDated).
	for _, swap := range [][2]string{{`"exported_by":`, `"Exported_By":`}, {`"status":`, `"ſtatus":`}, {`"exported_at": "20`, `"exported_at": "29`}} {
		f.Add(bytes.Replace(seed, []byte(swap[0]), []byte(swap[1]), 1))
	}
	db, err := Open(filepath.Join(f.TempDir(), "fuzz.db"), questionnaires.Decode)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	db.UseKey(testKey)
	ctx := assess.WithActor(context.Background(), "Fuzz")
	// The seed itself imports, so the fuzzer starts on the success path.
	check, err := Open(filepath.Join(f.TempDir(), "check.db"), questionnaires.Decode)
	if err != nil {
		f.Fatal(err)
	}
	defer check.Close()
	check.UseKey(testKey)
	if file, err := export.Unmarshal("seed.json", seed); err != nil {
		f.Fatal(err)
	} else if _, err := check.Import(ctx, file); err != nil {
		f.Fatalf("the seed does not import: %v", err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := export.Unmarshal("fuzz.json", src)
		if err != nil {
			return
		}
		before := rowCounts(t, db)
		a, err := db.Import(ctx, file)
		if err != nil {
			if after := rowCounts(t, db); after != before {
				t.Fatalf("a refused import (%v) changed the database:\n%s\n%s", err, before, after)
			}
			return
		}
		if res, err := db.Verify(ctx, a.ID); err != nil || res.Broken != nil {
			t.Fatalf("the imported assessment does not verify: %v %v", err, res.Broken)
		}
		again, err := db.Export(ctx, a.ID)
		if err != nil {
			t.Fatalf("the imported assessment does not export: %v", err)
		}
		if len(again.Answers) != len(file.Answers) || len(again.PlanEdits) != len(file.PlanEdits) || len(again.Events) != len(file.Events)+1 {
			t.Fatalf("export after import: %d answers, %d plan edits, %d events; the file had %d, %d, %d (+1 for the import)",
				len(again.Answers), len(again.PlanEdits), len(again.Events), len(file.Answers), len(file.PlanEdits), len(file.Events))
		}
	})
}
