package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// assay migrate --from into a file that is not there yet, killed with
// SIGKILL as the copy starts and midway, leaves no file at the target:
// the copy is built in a file of its own beside it and renamed into place
// once it verified, so the target is either absent or the whole,
// verified portfolio. The next run removes what the killed one left and
// succeeds, and the file it leaves is complete on its own (no -wal
// beside it) and verifies. Before, each kill left a database at the
// target holding the schema or part of the copy.
func TestMigrateFromKilledLeavesNoFile(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	dir := t.TempDir()
	src := filepath.Join(dir, "source.db")
	env := withEnv(procEnv(dir, src), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	largePortfolio(t, dir, src, 4, 60)
	if r := runProc(s.bin, env, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to: exit %d: %s", r.code, r.errs)
	}

	folder := t.TempDir()
	target := filepath.Join(folder, "archive.db")
	targetEnv := withEnv(env, "ASSAY_DB", target)
	// A whole run, timed from its first write, into a folder of its own,
	// so that the kills below fall within one.
	timedFolder := t.TempDir()
	_, writing := killMigrateAfterFirstWrite(t, s.bin, withEnv(env, "ASSAY_DB", filepath.Join(timedFolder, "timed.db")), timedFolder, owner.dsn, time.Hour)
	if _, err := os.Stat(filepath.Join(timedFolder, "timed.db")); err != nil {
		t.Fatalf("the timed migrate --from made no file: %v", err)
	}

	killed := 0
	for _, frac := range []float64{0, 0.25, 0.5} {
		delay := time.Duration(frac * float64(writing))
		if exited, _ := killMigrateAfterFirstWrite(t, s.bin, targetEnv, folder, owner.dsn, delay); exited {
			// Done before the kill (a busy machine's timing): the file
			// is the whole copy; the next kill tries into none again.
			t.Logf("migrate --from ended by itself before the kill %v after its first write", delay.Round(time.Millisecond))
			removeDatabaseFiles(target)
			continue
		}
		killed++
		for _, suffix := range databaseSuffixes {
			if _, err := os.Lstat(target + suffix); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("migrate --from killed %v after its first write (writing takes %v) left %s (%v)",
					delay.Round(time.Millisecond), writing.Round(time.Millisecond), filepath.Base(target+suffix), err)
			}
		}
	}
	t.Logf("killed %d runs", killed)
	if killed == 0 {
		t.Fatal("no migrate --from was killed before it ended")
	}

	r := runProc(s.bin, targetEnv, "migrate", "--from", owner.dsn)
	if r.code != 0 || !strings.Contains(r.stdout, "Copied from") || !strings.Contains(r.stdout, target) {
		t.Fatalf("migrate --from after the killed runs: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "archive.db" {
		t.Errorf("after the move the folder holds %q; want archive.db alone (no -wal, no leftover of the killed runs)", names)
	}
	if r := runProc(s.bin, targetEnv, "verify"); r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 4 assessments") {
		t.Errorf("verify on the moved file: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	// Moving into it again is refused: it holds a portfolio now.
	if r := runProc(s.bin, targetEnv, "migrate", "--from", owner.dsn); r.code == 0 || !strings.Contains(r.errs, "already holds a portfolio") {
		t.Errorf("migrate --from into the file that holds the portfolio: exit %d\n%s", r.code, r.errs)
	}
}

// killMigrateAfterFirstWrite runs assay migrate --from into a file in
// folder and kills it with SIGKILL delay after a database file with a
// write log first appears there. It reports whether the run ended by
// itself first, and for how long it ran after that first write.
func killMigrateAfterFirstWrite(t *testing.T, bin string, env []string, folder, dsn string, delay time.Duration) (bool, time.Duration) {
	t.Helper()
	cmd := exec.Command(bin, "migrate", "--from", dsn)
	cmd.Env = env
	// This run's write log: one a killed run left, which this run
	// removes first, timed the kill from before this run had begun.
	return killAfterFileAppears(t, cmd, "migrate --from", folder, func(name string) bool {
		return strings.HasSuffix(name, "-"+strconv.Itoa(cmd.Process.Pid)+"-wal")
	}, delay)
}

// largePortfolio fills the SQLite file path with n assessments, each
// with rounds of answers to every question (long notes), so that copying
// it takes a while.
func largePortfolio(t *testing.T, dir, path string, n, rounds int) {
	t.Helper()
	db := openAs(t, dir, path)
	defer db.Close()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	ctx := assess.WithActor(context.Background(), "Dana Reyes")
	values := []string{"yes", "partial", "no"}
	for i := range n {
		a := &assess.Assessment{Subject: fmt.Sprintf("Vendor %d Plc", i+1), SubjectKind: "vendor", Reviewer: "Dana Reyes",
			Questionnaire: q, AssessedOn: assess.NewDate(2026, time.March, 1)}
		if err := db.CreateAssessment(ctx, a); err != nil {
			t.Fatal(err)
		}
		for round := range rounds {
			var batch []assess.Answer
			for j, id := range vendorScreenQuestions {
				batch = append(batch, assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{values[(round+j)%3]}},
					Note: strings.Repeat(fmt.Sprintf("round %d of the vendor call, question %s. ", round, id), 8)})
			}
			if err := db.SaveAnswers(ctx, a.ID, batch); err != nil {
				t.Fatal(err)
			}
		}
	}
}
