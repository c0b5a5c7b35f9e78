package synth_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
)

// A small database from the generator holds what its size says, lists
// every assessment with a summary and title, and each copy passes assay
// verify: the copies are assessments assay could have written.
func TestBuildSmall(t *testing.T) {
	c := synth.Config{Assessments: 45, Questions: 20, Subjects: 7}
	path := filepath.Join(t.TempDir(), "synth.db")
	if err := synth.Build(path, c); err != nil {
		t.Fatal(err)
	}
	if err := synth.Build(path, c); err == nil {
		t.Error("Build over an existing file: no error")
	}

	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// Every copy has the list summary lists read (migration 004): one
	// without it would be listed from the wide row, slowly.
	var unlisted int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM assessments WHERE list = ''`).Scan(&unlisted); err != nil || unlisted != 0 {
		t.Errorf("%d assessments without a list summary (%v)", unlisted, err)
	}
	for table, want := range map[string]int{"assessments": c.Assessments, "answers": c.Answers(), "subjects": c.Subjects, "questionnaire_snapshots": 4} {
		var n int
		if err := raw.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}

	db, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.UseKey(synth.Key) // trusts what Build signed
	ctx := context.Background()
	all, err := db.Assessments(ctx, assess.Filter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != c.Assessments {
		t.Fatalf("listed %d assessments, want %d", len(all), c.Assessments)
	}
	archived := 0
	for _, a := range all {
		if a.Questionnaire == nil || a.Subject == "" || a.Summary.Level == "" {
			t.Errorf("assessment %d: questionnaire %v, subject %q, level %q", a.ID, a.Questionnaire != nil, a.Subject, a.Summary.Level)
		}
		if a.Archive.Archived() {
			archived++
		}
	}
	if archived != 1 { // i = 19 of 20..44
		t.Errorf("%d archived, want 1", archived)
	}
	for _, id := range []int64{1, 21, int64(c.Assessments)} {
		a, err := db.Assessment(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Answers) != c.Questions {
			t.Errorf("assessment %d: %d answers, want %d", id, len(a.Answers), c.Questions)
		}
	}
	res, err := db.Verify(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Broken != nil || res.Assessments != c.Assessments {
		t.Errorf("verify: %d chains checked, broken at %+v", res.Assessments, res.Broken)
	}
	// Every assessment and subject is signed by the checkpoint that
	// follows the copies; the copies' history before it is hash-chained
	// only (the templates' and subjects' was signed as it was written).
	if res.Checkpoint == nil || res.HashOnly != c.Assessments-20 {
		t.Errorf("verify: checkpoint %v, %d owners hash-chained only before it, want %d", res.Checkpoint, res.HashOnly, c.Assessments-20)
	}
}
