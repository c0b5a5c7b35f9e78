package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// assay backup while another process answers in a loop: every answer
// that process confirmed (its assay answer exited 0) before the backup
// started is in the backup's audit trail, and the backup verifies. A
// copy of the file with cp misses the commits still in the -wal.
func TestBackupWhileAnotherProcessWrites(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	largePortfolio(t, dir, db, 2, 10)
	var confirmed atomic.Int64 // the last round whose answer exited 0
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writeErr atomic.Value
	wg.Go(func() {
		for round := int64(1); ; round++ {
			select {
			case <-stop:
				return
			default:
			}
			file := taggedAnswers(t, dir, fmt.Sprintf("round-%d", round))
			if r := runProc(bin, env, "answer", "1", "-f", file); r.code != 0 {
				writeErr.Store(fmt.Sprintf("answer round %d: exit %d: %s", round, r.code, r.errs))
				return
			}
			confirmed.Store(round)
		}
	})
	defer func() { close(stop); wg.Wait() }()

	folder := t.TempDir()
	for i := range 3 {
		for confirmed.Load() < int64(2*i+1) && writeErr.Load() == nil {
			time.Sleep(5 * time.Millisecond)
		}
		before := confirmed.Load()
		file := filepath.Join(folder, fmt.Sprintf("backup-%d.db", i))
		r := runProc(bin, env, "backup", file)
		if r.code != 0 {
			t.Fatalf("assay backup while another process writes: exit %d\n%s%s", r.code, r.stdout, r.errs)
		}
		if v := runProc(bin, withEnv(env, "ASSAY_DB", file), "verify"); v.code != 0 || !strings.Contains(v.stdout, "Audit trail intact") {
			t.Errorf("assay verify --db %s: exit %d\n%s%s", filepath.Base(file), v.code, v.stdout, v.errs)
		}
		copyDB := openAs(t, dir, file)
		events, err := copyDB.Events(t.Context(), 1)
		copyDB.Close()
		if err != nil {
			t.Fatal(err)
		}
		trail, err := json.Marshal(events)
		if err != nil {
			t.Fatal(err)
		}
		rounds := map[string]bool{}
		for _, m := range regexp.MustCompile(`round-(\d+)`).FindAllStringSubmatch(string(trail), -1) {
			rounds[m[1]] = true
		}
		for round := int64(1); round <= before; round++ {
			if !rounds[itoa64(round)] {
				t.Errorf("backup %d lacks the answers of round %d, confirmed before it started (%d rounds were)", i, round, before)
				break
			}
		}
		t.Logf("backup %d: %d rounds confirmed before it started", i, before)
	}
	if e := writeErr.Load(); e != nil {
		t.Errorf("the writing process failed: %v", e)
	}
}

// Four assay backups at once to one file: with --overwrite, each
// replaces it whole, in turn, and the file left is one complete backup
// that verifies, alone in its folder; without, one writes it and the
// others are refused, naming it, and remove their copies.
func TestFourBackupsAtOnceToOneFile(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	largePortfolio(t, dir, db, 2, 10)
	for _, overwrite := range []bool{false, true} {
		folder := t.TempDir()
		file := filepath.Join(folder, "portfolio.db")
		args := []string{"backup", file}
		if overwrite {
			if r := runProc(bin, env, args...); r.code != 0 {
				t.Fatalf("the first backup: exit %d: %s", r.code, r.errs)
			}
			args = []string{"backup", "--overwrite", file}
		}
		results := make([]procResult, 4)
		var wg sync.WaitGroup
		for i := range results {
			wg.Go(func() { results[i] = runProc(bin, env, args...) })
		}
		wg.Wait()
		wrote := 0
		for _, r := range results {
			switch {
			case r.code == 0:
				wrote++
			case overwrite || !strings.Contains(r.errs, "appeared") && !strings.Contains(r.errs, "already exists"):
				t.Errorf("assay %s, four at once: exit %d: %s", strings.Join(args, " "), r.code, r.errs)
			}
		}
		if !overwrite && wrote != 1 {
			t.Errorf("four backups at once to a new file: %d wrote it; want 1, the others refused", wrote)
		}
		if names := folderNames(t, folder); len(names) != 1 || names[0] != "portfolio.db" {
			t.Errorf("after four backups at once (--overwrite %v) the folder holds %q; want portfolio.db alone", overwrite, names)
		}
		if v := runProc(bin, withEnv(env, "ASSAY_DB", file), "verify"); v.code != 0 || !strings.Contains(v.stdout, "Audit trail intact: 3 assessments") {
			t.Errorf("verify on the backup four wrote at once: exit %d\n%s%s", v.code, v.stdout, v.errs)
		}
	}
}

// assay backup killed with SIGKILL at any moment leaves no file at FILE
// (nor a -wal beside it) until its copy, built and checked under a name
// of its own, is renamed into place whole; killed after that (the kill
// came late, on a loaded machine), FILE is the whole backup and verifies.
// The next backup removes what the killed ones left, and its file
// verifies.
func TestBackupKilledLeavesNoFile(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	largePortfolio(t, dir, db, 4, 40)
	folder := t.TempDir()
	file := filepath.Join(folder, "portfolio.db")

	// A whole run, timed from the moment its copy appears.
	timed := t.TempDir()
	_, running := killBackupAfterCopyAppears(t, bin, env, filepath.Join(timed, "timed.db"), time.Hour)
	killed := 0
	// The latest kill last: a run that ends by itself (the machine was
	// faster than when the whole run was timed) removes what the killed
	// runs before it left, and the kill right after the copy appears,
	// which never misses, leaves the next backup something to clean up.
	for _, frac := range []float64{0.6, 0.3, 0.1, 0} {
		delay := time.Duration(frac * float64(running))
		if exited, _ := killBackupAfterCopyAppears(t, bin, env, file, delay); exited {
			t.Logf("assay backup ended by itself before the kill %v after its copy appeared", delay)
			removeDatabaseFiles(file)
			continue
		}
		if _, err := os.Lstat(file); err == nil {
			// Killed after the rename: what is there is the whole backup.
			if v := runProc(bin, withEnv(env, "ASSAY_DB", file), "verify"); v.code != 0 || !strings.Contains(v.stdout, "Audit trail intact: 5 assessments") {
				t.Errorf("assay backup killed %v after its copy appeared (a run takes %v) left %s, which is not the whole backup: verify exit %d\n%s%s",
					delay, running, filepath.Base(file), v.code, v.stdout, v.errs)
			}
			t.Logf("assay backup killed %v after its copy appeared had renamed it into place already", delay)
			removeDatabaseFiles(file)
			continue
		}
		killed++
		for _, suffix := range databaseSuffixes[1:] {
			if _, err := os.Lstat(file + suffix); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("assay backup killed %v after its copy appeared (a run takes %v) left %s (%v)", delay, running, filepath.Base(file+suffix), err)
			}
		}
	}
	if killed == 0 {
		t.Fatal("no assay backup was killed before it ended")
	}
	if names := folderNames(t, folder); len(names) == 0 {
		t.Fatal("the killed runs left nothing for the next to clean up; the test kills too late")
	}
	r := runProc(bin, env, "backup", file)
	if r.code != 0 {
		t.Fatalf("assay backup after the killed runs: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if names := folderNames(t, folder); len(names) != 1 || names[0] != "portfolio.db" {
		t.Errorf("after the backup the folder holds %q; want portfolio.db alone (nothing of the killed runs)", names)
	}
	if v := runProc(bin, withEnv(env, "ASSAY_DB", file), "verify"); v.code != 0 || !strings.Contains(v.stdout, "Audit trail intact: 5 assessments") {
		t.Errorf("verify on the backup: exit %d\n%s%s", v.code, v.stdout, v.errs)
	}
}

// killBackupAfterCopyAppears runs assay backup FILE and kills it with
// SIGKILL delay after its copy (.FILE.backup-PID) appears. It reports
// whether the run ended by itself first, and how long it ran after the
// copy appeared.
func killBackupAfterCopyAppears(t *testing.T, bin string, env []string, file string, delay time.Duration) (bool, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "backup", file)
	cmd.Env = env
	// This run's copy: one a killed run left, which this run removes
	// first, timed the kill from before this run had begun its own.
	copyName := "." + filepath.Base(file) + ".backup-"
	return killAfterFileAppears(t, cmd, "assay backup", filepath.Dir(file), func(name string) bool {
		return name == copyName+strconv.Itoa(cmd.Process.Pid)
	}, delay)
}
