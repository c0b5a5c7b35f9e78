package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// assay backup DEST as a careless or hostile person gives it, through the
// built binary: each DEST that is not a new file, nor an earlier backup
// with --overwrite, is refused in words that say what it is, and neither
// DEST, its folder nor the database's folder changes. (A read-only folder
// is refused only for a user other than root: output_readonly_test.go.)
func TestBackupRefusesACarelessDestinationAndChangesNothing(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	out := t.TempDir()
	at := func(name string) string { return filepath.Join(out, name) }
	must(t, os.WriteFile(at("notes.txt"), []byte("my notes\n"), 0o644))
	must(t, os.Mkdir(at("folder"), 0o755))
	must(t, os.Symlink(db, at("link-to-db")))
	must(t, os.Link(db, at("hard-link-to-db")))
	must(t, syscall.Mkfifo(at("fifo"), 0o644))
	roundabout := filepath.Join(dir, "..", filepath.Base(dir), "assay.db")

	for _, c := range []struct {
		name, dest string
		want       string
		notWant    string
	}{
		{"an existing file", at("notes.txt"), at("notes.txt") + " ", ""},
		{"a folder", at("folder"), at("folder") + " is a folder, not a regular file; nothing was written", ""},
		{"a symbolic link to the database", at("link-to-db"), "is the database assay is using (or its -wal, -shm or -journal file), through a link; nothing was written", ""},
		{"a hard link of the database", at("hard-link-to-db"), at("hard-link-to-db") + " is the database assay is using", "through a link"},
		{"the database's -wal", db + "-wal", db + "-wal is the database assay is using", "through a link"},
		{"the database by a path with ..", roundabout, roundabout + " is the database assay is using (or its -wal, -shm or -journal file); nothing was written", "through a link"},
		{"a named pipe", at("fifo"), at("fifo") + " is a named pipe (FIFO), not a regular file; nothing was written", ""},
		{"an empty name", "", "the backup file's name is empty: give assay backup FILE; nothing was written", "is a directory"},
	} {
		for _, flags := range [][]string{nil, {"--overwrite"}} {
			before := snapshotFolders(t, dir, out)
			r, hung := runBounded(t, bin, env, append(append([]string{"backup"}, flags...), c.dest)...)
			if hung {
				t.Fatalf("%s %v: assay backup hung", c.name, flags)
			}
			if r.code == 0 || !strings.Contains(r.errs, c.want) || !strings.Contains(r.errs, "nothing was written") || c.notWant != "" && strings.Contains(r.errs, c.notWant) {
				t.Errorf("%s %v: exit %d, %q\nwant a refusal saying %q", c.name, flags, r.code, r.errs, c.want)
				if c.notWant != "" {
					t.Errorf("and not %q", c.notWant)
				}
			}
			if after := snapshotFolders(t, dir, out); after != before {
				t.Errorf("%s %v: the refused backup changed files:\nbefore:\n%s\nafter:\n%s", c.name, flags, before, after)
			}
		}
	}
	r := runProc(bin, env, "backup", at("notes.txt"))
	if want := at("notes.txt") + " already exists; nothing was written. Give --overwrite to replace an earlier backup"; !strings.Contains(r.errs, want) {
		t.Errorf("an existing file: %q\nwant %q", r.errs, want)
	}
	if b, err := os.ReadFile(at("notes.txt")); err != nil || string(b) != "my notes\n" {
		t.Errorf("the existing file now holds %q (%v)", b, err)
	}
}

// A backup named as assay names the copy it builds beside a target,
// .NAME.backup-PID (or .NAME.migrating-PID), was made and reported
// "Backed up", then removed without a word by the next backup to NAME,
// as the leftover of a killed run. Such a name is refused, and nothing
// is written.
func TestBackupRefusesANameAssayGivesItsBuilds(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	out := t.TempDir()
	for _, base := range []string{".b1.db.backup-99999", ".b1.db.migrating-99999", ".b1.db.backup-99999-journal"} {
		dest := filepath.Join(out, base)
		r, hung := runBounded(t, bin, env, "backup", dest)
		want := dest + " is named as assay names a copy it is building (.NAME.backup-PID or .NAME.migrating-PID)"
		if hung || r.code == 0 || !strings.Contains(r.errs, want) || !strings.Contains(r.errs, "nothing was written") {
			t.Errorf("assay backup %s: exit %d, %q\nwant %q", base, r.code, r.errs, want)
		}
		if names := folderNames(t, out); len(names) != 0 {
			t.Errorf("assay backup %s left %q", base, names)
		}
	}
}
