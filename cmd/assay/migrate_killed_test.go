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
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

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
//
// Each kill lands while the copy is under way, by construction rather
// than by timing: the test holds a lock on one of the server's tables,
// so the copy stops at that table's read, with the tables before it
// already written into its file; the server shows the read waiting, and
// the process is killed there. Timed kills missed a fast run: all three
// fell after it had ended, and the test failed.
func TestMigrateFromKilledLeavesNoFile(t *testing.T) {
	s, owner, env := portfolioToMove(t, 4, 60)
	if r := runProc(s.bin, env, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to: exit %d: %s", r.code, r.errs)
	}

	folder := t.TempDir()
	target := filepath.Join(folder, "archive.db")
	targetEnv := withEnv(env, "ASSAY_DB", target)
	// subjects is the copy's second table (it starts), events its sixth,
	// after the assessments, their answers and plans (midway).
	for _, table := range []string{"subjects", "events"} {
		killMigrateWhileCopying(t, s, targetEnv, folder, owner, table)
		for _, suffix := range databaseSuffixes {
			if _, err := os.Lstat(target + suffix); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("migrate --from killed while it copied %s left %s (%v)", table, filepath.Base(target+suffix), err)
			}
		}
	}
	if names := folderNames(t, folder); len(names) == 0 {
		t.Fatal("the killed runs left nothing for the next to clean up: they were not killed while copying")
	}

	r := runProc(s.bin, targetEnv, "migrate", "--from", owner.dsn)
	if r.code != 0 || !strings.Contains(r.stdout, "Copied from") || !strings.Contains(r.stdout, target) {
		t.Fatalf("migrate --from after the killed runs: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if names := folderNames(t, folder); len(names) != 1 || names[0] != "archive.db" {
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

// killMigrateWhileCopying runs assay migrate --from into a file in
// folder and kills it with SIGKILL while its copy waits to read table:
// the superuser holds that table locked, and the kill comes once the
// server shows the copy's read of it, by as's login, waiting for the
// lock and the run's own copy file is in folder. The lock is let go after the kill.
func killMigrateWhileCopying(t *testing.T, s *teamServer, env []string, folder string, as *teamPerson, table string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	lock, err := s.raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.ExecContext(ctx, `LOCK TABLE `+pgx.Identifier{s.schema, table}.Sanitize()+` IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(s.bin, "migrate", "--from", as.dsn)
	cmd.Env = env
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		select {
		case err := <-done:
			t.Fatalf("migrate --from ended while %s was locked (%v): it never waited for it\n%s", table, err, errOut.String())
		case <-ctx.Done():
			_ = cmd.Process.Kill()
			t.Fatalf("migrate --from never waited to read %s within two minutes\n%s", table, errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
		var waiting int
		err := s.raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_stat_activity
			WHERE usename = $1 AND wait_event_type = 'Lock' AND query LIKE $2`, as.login, "SELECT % FROM "+table+" ORDER BY %").Scan(&waiting)
		if err != nil {
			t.Fatal(err)
		}
		if waiting == 0 || !copyFileThere(folder, cmd.Process.Pid) {
			continue
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-done
		return
	}
}

// copyFileThere reports whether the migrate run of process pid has its
// copy file (.NAME.migrating-PID) in folder.
func copyFileThere(folder string, pid int) bool {
	entries, _ := os.ReadDir(folder)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".migrating-"+strconv.Itoa(pid)) {
			return true
		}
	}
	return false
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
