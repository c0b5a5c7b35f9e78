package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/questionnaires"
)

// assay import is killed with SIGKILL at random moments, from before it
// reads the file to after it commits. Each time the database passes
// integrity_check, the imported assessment is either all there (every
// answer and audit record, the chain verifying) or not there at all (no
// stray row), and the assessment that was there before is unchanged.
func TestImportKilledAtRandomIsAllOrNothing(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	exported, file := largeExport(t, bin, dir)

	// The database imported into: one assessment with answers and a plan
	// edit, closed cleanly so that the file alone is the database.
	pristine := filepath.Join(dir, "pristine.db")
	env := procEnv(dir, pristine)
	for _, args := range [][]string{
		{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"},
		{"answer", "1", "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml")},
		{"plan", "1", "--item", "mfa", "--owner", "Sam Ortiz"},
	} {
		if r := runProc(bin, env, args...); r.code != 0 {
			t.Fatalf("assay %s: exit %d: %s", args[0], r.code, r.errs)
		}
	}
	if _, err := os.Stat(pristine + "-wal"); err == nil {
		t.Fatal("the database has a WAL after assay exited; copying the file alone would not copy the database")
	}
	before := existingState(t, copyDB(t, pristine, filepath.Join(dir, "reference.db")))

	// An uninterrupted import, timed: from the start, and from its first
	// write to the WAL (the transaction under way) to its exit.
	full := copyDB(t, pristine, filepath.Join(dir, "full.db"))
	took, writing := timedImport(t, bin, procEnv(dir, full), full, exported, nil)
	checkAfterImport(t, full, file, before, true)

	// Half the kills fall anywhere in the run, half while the import
	// writes, where a partial import could be left behind.
	rng := rand.New(rand.NewPCG(2026, 8))
	outcomes := map[bool]int{}
	for i := range 6 {
		path := copyDB(t, pristine, filepath.Join(dir, fmt.Sprintf("kill-%d.db", i)))
		kill := &killAt{after: time.Duration(rng.Float64() * 1.1 * float64(took))}
		how := "from the start"
		if i%2 == 1 {
			kill = &killAt{after: time.Duration(rng.Float64() * float64(writing)), fromWrite: true}
			how = "from its first write"
		}
		timedImport(t, bin, procEnv(dir, path), path, exported, kill)
		present := checkAfterImport(t, path, file, before, false)
		outcomes[present]++
		t.Logf("kill %d after %v %s (an import takes %v, writing %v): imported %v", i, kill.after.Round(time.Millisecond), how,
			took.Round(time.Millisecond), writing.Round(time.Millisecond), present)
	}
	t.Logf("imports present after a kill: %d, absent: %d", outcomes[true], outcomes[false])
}

// killAt says when timedImport kills the import: after a delay counted
// from the start, or from the import's first write to the WAL.
type killAt struct {
	after     time.Duration
	fromWrite bool
}

// timedImport runs assay import on db, killing it with SIGKILL as kill
// says (nil: never), and returns how long the run took and how long it
// ran after its first write.
func timedImport(t *testing.T, bin string, env []string, db, file string, kill *killAt) (took, writing time.Duration) {
	t.Helper()
	cmd := exec.Command(bin, "import", file)
	cmd.Env = env
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var wrote time.Time
	var deadline <-chan time.Time
	if kill != nil && !kill.fromWrite {
		deadline = time.After(kill.after)
	}
	for {
		select {
		case err := <-exited:
			took = time.Since(start)
			if kill == nil && err != nil {
				t.Fatalf("assay import: %v: %s", err, errOut.String())
			}
			if !wrote.IsZero() {
				writing = time.Since(wrote)
			}
			return took, writing
		case <-deadline:
			_ = cmd.Process.Signal(syscall.SIGKILL)
		case <-time.After(200 * time.Microsecond):
			if !wrote.IsZero() {
				continue
			}
			if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 0 {
				wrote = time.Now()
				if kill != nil && kill.fromWrite {
					deadline = time.After(kill.after)
				}
			}
		}
	}
}

// largeExport builds an assessment with a long history (about 1,500 audit
// records with long notes) in a database of its own and writes it with
// assay export.
func largeExport(t *testing.T, bin, dir string) (string, *export.File) {
	t.Helper()
	src := filepath.Join(dir, "source.db")
	db := openAs(t, dir, src)
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	ctx := assess.WithActor(context.Background(), "Dana Reyes")
	a := &assess.Assessment{Subject: "Large Vendor Plc", SubjectKind: "vendor", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: assess.NewDate(2026, time.March, 1)}
	if err := db.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	values := []string{"yes", "partial", "no"}
	for round := range 120 {
		var batch []assess.Answer
		for i, id := range vendorScreenQuestions {
			batch = append(batch, assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{values[(round+i)%3]}},
				Note: strings.Repeat(fmt.Sprintf("round %d of the vendor call, question %s. ", round, id), 8)})
		}
		if err := db.SaveAnswers(ctx, a.ID, batch); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	out := filepath.Join(dir, "large-export.json")
	if r := runProc(bin, procEnv(dir, src), "export", "1", "-o", out); r.code != 0 {
		t.Fatalf("assay export: exit %d: %s", r.code, r.errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := export.Unmarshal(out, b)
	if err != nil {
		t.Fatal(err)
	}
	return out, f
}

// existingState is what must survive an import, killed or not, of the
// assessment already in the database: its answers, plan and audit trail.
func existingState(t *testing.T, path string) string {
	t.Helper()
	db := openAs(t, filepath.Dir(path), path)
	defer db.Close()
	f, err := db.Export(assess.WithActor(context.Background(), "test"), 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal([]any{f.Assessment, f.Answers, f.PlanEdits, f.SignOffs, f.Events, f.EventHead})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkAfterImport checks a database an import ran on, killed or not,
// and reports whether the import is in it.
func checkAfterImport(t *testing.T, path string, f *export.File, before string, wantPresent bool) bool {
	t.Helper()
	integrityOK(t, path)
	db := openAs(t, filepath.Dir(path), path)
	defer db.Close()
	ctx := assess.WithActor(context.Background(), "test")
	list, err := db.Assessments(ctx, assess.Filter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	var imported *assess.Assessment
	for _, a := range list {
		if a.UUID == f.Assessment.UUID {
			imported = a
		}
	}
	if res, err := db.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Errorf("%s: verify: %v %v", filepath.Base(path), res.Broken, err)
	}
	if got := existingState(t, path); got != before {
		t.Errorf("%s: the assessment that was there before the import changed", filepath.Base(path))
	}
	switch {
	case imported == nil && wantPresent:
		t.Errorf("%s: the import finished but the assessment is not there", filepath.Base(path))
	case imported == nil:
		if len(list) != 1 {
			t.Errorf("%s: %d assessments; want only the one there before", filepath.Base(path), len(list))
		}
		return false
	}
	a, err := db.Assessment(ctx, imported.ID)
	if err != nil {
		t.Fatal(err)
	}
	events, err := db.Events(ctx, imported.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != len(f.Answers) || len(events) != len(f.Events)+1 {
		t.Errorf("%s: partial import: %d of %d answers, %d of %d audit records", filepath.Base(path), len(a.Answers), len(f.Answers), len(events), len(f.Events)+1)
	}
	for _, want := range f.Answers {
		if got := a.Answers[want.QuestionID]; got.Note != want.Note || !bytes.Equal(mustJSON(t, got.Value), mustJSON(t, want.Value)) {
			t.Errorf("%s: answer %s differs from the file", filepath.Base(path), want.QuestionID)
		}
	}
	return true
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// copyDB copies a cleanly closed database file (no WAL beside it).
func copyDB(t *testing.T, from, to string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return to
}
