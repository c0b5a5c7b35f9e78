package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A write goes only to the file the database's path names. SQLite keeps
// writing to the file it opened, so before, a database deleted, moved or
// swapped (its folder removed, a symbolic link pointed elsewhere) while a
// workspace had it open took every later answer and said "saved ✓": the
// answers went to a file nobody could open again. And SQLite keeps its
// -wal and -shm beside the name a file is opened by, so two windows using
// two hard links to one database each kept their own log and corrupted
// it (confirmed plan edits lost, the ledger's hashes broken).
func TestWritesGoOnlyToTheFileThePathNames(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, path string)
		want   string
	}{
		{"its folder removed", func(t *testing.T, path string) {
			if err := os.RemoveAll(filepath.Dir(path)); err != nil {
				t.Fatal(err)
			}
		}, "is no longer the file assay opened"},
		{"its folder renamed", func(t *testing.T, path string) {
			dir := filepath.Dir(path)
			if err := os.Rename(dir, dir+"-moved"); err != nil {
				t.Fatal(err)
			}
		}, "is no longer the file assay opened"},
		{"replaced by a copy", func(t *testing.T, path string) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, src, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "is no longer the file assay opened"},
		{"its symbolic link pointed at a copy", func(t *testing.T, path string) {
			target, err := os.Readlink(path)
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(target+"-copy", src, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(target+"-copy", path); err != nil {
				t.Fatal(err)
			}
		}, "is no longer the file assay opened"},
		{"given a hard link", func(t *testing.T, path string) {
			if err := os.Link(path, path+"-other"); err != nil {
				t.Fatal(err)
			}
		}, "has another name (a hard link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "data", "assay.db")
			if strings.Contains(c.name, "symbolic link") {
				target := filepath.Join(t.TempDir(), "real.db")
				if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, path); err != nil {
					t.Fatal(err)
				}
			}
			db, err := open(path, questionnaires.Decode, 100)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			q := tieringQuestionnaire(t)
			a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
			if err := db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "no")); err != nil {
				t.Fatalf("a write before the change: %v", err)
			}
			c.change(t, path)
			err = db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "yes"))
			if err == nil || !strings.Contains(err.Error(), path+" "+c.want) || !strings.Contains(err.Error(), "nothing was recorded") {
				t.Fatalf("a write after %s: %v; want it refused: %q, nothing was recorded", c.name, err, path+" "+c.want)
			}
		})
	}
}

// Deleting a database's -wal and -shm while a window has it open leaves
// that window writing into a log nobody else reads, and the next window
// makes new ones: before, an answer another window then recorded (and
// said it recorded) was overwritten when the first window quit, its old
// log copied over it. The first window now refuses to write, and the
// other window's answer stays.
func TestWritesStopWhenTheWriteLogIsDeleted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assay.db")
	made, err := open(path, questionnaires.Decode, 100)
	if err != nil {
		t.Fatal(err)
	}
	a := newAssessment(t, made, tieringQuestionnaire(t), "Acme Cloud Ltd", day("2026-03-01"), nil)
	made.Close() // the last to close copies its log into the file

	first, err := open(path, questionnaires.Decode, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := first.SaveAnswer(as("Ana"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil {
			t.Fatal(err)
		}
	}
	// The second window is another process: within one, SQLite shares
	// what it knows of a file between handles.
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondWindowAnswers$")
	cmd.Env = append(os.Environ(), "STORE_SECOND_WINDOW="+path, "STORE_SECOND_WINDOW_ID="+strconv.FormatInt(a.ID, 10))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the second window's answer: %v\n%s", err, out)
	}

	err = first.SaveAnswer(as("Ana"), a.ID, choice("mfa", "yes"))
	if err == nil || !strings.Contains(err.Error(), path+" was opened with a write log (its -wal and -shm files) that has since been deleted or replaced") || !strings.Contains(err.Error(), "nothing was recorded") {
		t.Fatalf("a write after its -wal and -shm were deleted: %v; want it refused", err)
	}
	first.Close()

	// Read by a third process: the first handle's connection, left open
	// on purpose, still holds its old log within this one.
	cmd = exec.Command(os.Args[0], "-test.run=^TestSecondWindowAnswers$", "-test.v")
	cmd.Env = append(os.Environ(), "STORE_SECOND_WINDOW="+path, "STORE_SECOND_WINDOW_ID="+strconv.FormatInt(a.ID, 10), "STORE_SECOND_WINDOW_READS=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("reading after both windows closed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "mfa is [partial]") {
		t.Fatalf("after both windows closed: %s; want the second window's confirmed partial", out)
	}
}

// TestSecondWindowAnswers is the second window of
// TestWritesStopWhenTheWriteLogIsDeleted, and its last reader, run as its
// own process.
func TestSecondWindowAnswers(t *testing.T) {
	path := os.Getenv("STORE_SECOND_WINDOW")
	if path == "" {
		t.Skip("run by TestWritesStopWhenTheWriteLogIsDeleted")
	}
	id, err := strconv.ParseInt(os.Getenv("STORE_SECOND_WINDOW_ID"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	db, err := open(path, questionnaires.Decode, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if os.Getenv("STORE_SECOND_WINDOW_READS") != "" {
		got, err := db.Assessment(as("Bo"), id)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("mfa is %v", got.Answers["mfa"].Value.Choices)
		return
	}
	if err := db.SaveAnswer(as("Bo"), id, choice("mfa", "partial")); err != nil {
		t.Fatal(err)
	}
}
