package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// assay backup FILE writes a copy of the portfolio that stands alone (no
// -wal beside it), is private (0600), says what it holds and the ledger's
// head, verifies with assay verify --db FILE, and reads the same: the
// report of an assessment from the backup is byte for byte the report
// from the database.
func TestBackupVerifiesAndReadsTheSame(t *testing.T) {
	s := newCLISession(t)
	id := s.worstCase("vendor-security-screen")
	s.worstCase("dpia")
	dir := t.TempDir()
	file := filepath.Join(dir, "portfolio-2026-03-15.db")
	out := s.ok("backup", file)
	for _, want := range []string{"Backed up to " + file, "2 assessments", "2 subjects", "verified"} {
		if !strings.Contains(out, want) {
			t.Errorf("assay backup says %q; want %q in it", out, want)
		}
	}
	head := regexp.MustCompile(`Ledger head: entry (\d+), hash ([0-9a-f]{64})`).FindStringSubmatch(out)
	if head == nil {
		t.Fatalf("assay backup names no ledger head (entry and hash):\n%s", out)
	}
	db := s.openStore()
	seq, hash, err := db.LedgerHead(t.Context())
	db.Close()
	if err != nil || head[1] != itoa64(seq) || head[2] != hash {
		t.Errorf("assay backup printed head %s %s; the database's is %d %s (%v)", head[1], head[2], seq, hash, err)
	}
	names := folderNames(t, dir)
	if len(names) != 1 || names[0] != "portfolio-2026-03-15.db" {
		t.Errorf("after the backup the folder holds %q; want the backup alone", names)
	}
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the backup's mode is %v (%v); want 0600", fi.Mode().Perm(), err)
	}
	if out := s.ok("--db", file, "verify"); !strings.Contains(out, "Audit trail intact: 2 assessments, 2 subjects") {
		t.Errorf("assay verify --db BACKUP: %s", out)
	}
	want := s.ok("report", id)
	if got := s.ok("--db", file, "report", id); got != want {
		t.Errorf("the backup's report differs from the database's:\n--- database\n%s\n--- backup\n%s", want, got)
	}
	for _, format := range []string{"html", "docx"} {
		a := filepath.Join(dir, "a."+format)
		b := filepath.Join(t.TempDir(), "a."+format)
		s.ok("report", id, "-o", a)
		s.ok("--db", file, "report", id, "-o", b)
		ab, _ := os.ReadFile(a)
		bb, _ := os.ReadFile(b)
		os.Remove(a)
		if len(ab) == 0 || !bytes.Equal(ab, bb) {
			t.Errorf("the backup's %s report differs from the database's (%d and %d bytes)", format, len(ab), len(bb))
		}
	}

	// A second backup to the same file is refused without --overwrite,
	// and replaces it with it.
	s.ok("answer", id, "-f", taggedAnswers(t, t.TempDir(), "after-the-first-backup"))
	before, _ := os.ReadFile(file)
	code, _, errOut := s.run("", "backup", file)
	if after, _ := os.ReadFile(file); code == 0 || !strings.Contains(errOut, "already exists") || !strings.Contains(errOut, "--overwrite") || !bytes.Equal(before, after) {
		t.Errorf("a backup over an earlier one without --overwrite: exit %d, %q (file changed: %v)", code, errOut, !bytes.Equal(before, after))
	}
	out = s.ok("backup", "--overwrite", "-o", file)
	if !strings.Contains(out, "Backed up to "+file) {
		t.Errorf("assay backup --overwrite: %s", out)
	}
	if got, want := s.ok("--db", file, "report", id), s.ok("report", id); got != want {
		t.Error("after --overwrite the backup's report is not the database's now")
	}
}

// Every file assay backup must not write is refused, naming why, and
// left as it was: the database and the files SQLite keeps beside it
// (by name, through a symbolic link, through a hard link), what is not a
// regular file, another program's file even with --overwrite, a folder
// that is not there, and a team database.
func TestBackupRefusals(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	dbPath := s.env["ASSAY_DB"]
	home := filepath.Dir(dbPath)
	other := t.TempDir()

	link := filepath.Join(other, "link.db")
	must(t, os.Symlink(dbPath, link))
	walLink := filepath.Join(other, "wal-link")
	must(t, os.Symlink(dbPath+"-wal", walLink))
	hard := filepath.Join(other, "hard.db")
	must(t, os.Link(dbPath, hard))
	fifo := mkfifo(t, other, "pipe")
	notes := filepath.Join(other, "notes.txt")
	must(t, os.WriteFile(notes, []byte("my notes\n"), 0o600))
	empty := filepath.Join(other, "empty.db")
	must(t, os.WriteFile(empty, nil, 0o600))

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{dbPath}, "is the database assay is using"},
		{[]string{"--overwrite", dbPath}, "is the database assay is using"},
		{[]string{dbPath + "-wal"}, "is the database assay is using"},
		{[]string{dbPath + "-shm"}, "is the database assay is using"},
		{[]string{"--overwrite", dbPath + "-journal"}, "is the database assay is using"},
		{[]string{"--overwrite", link}, "is the database assay is using"},
		{[]string{"--overwrite", walLink}, "is the database assay is using"},
		{[]string{"--overwrite", hard}, "is the database assay is using"},
		{[]string{fifo}, "not a regular file"},
		{[]string{"--overwrite", fifo}, "not a regular file"},
		{[]string{"--overwrite", "/dev/null"}, "not a regular file"},
		{[]string{"--overwrite", other}, "not a regular file"},
		{[]string{notes}, "already exists"},
		{[]string{"--overwrite", notes}, "not an assay database"},
		{[]string{"--overwrite", empty}, "not an assay database"},
		{[]string{filepath.Join(other, "no-such-folder", "b.db")}, "no-such-folder does not exist"},
	} {
		// FILE alone, and -o FILE as report and export take it.
		last := len(c.args) - 1
		withO := append(append([]string{}, c.args[:last]...), "-o", c.args[last])
		for _, args := range [][]string{c.args, withO} {
			before := snapshotFolders(t, home, other)
			code, out, errOut := s.run("", append([]string{"backup"}, args...)...)
			if code == 0 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was written") {
				t.Errorf("assay backup %s: exit %d, %q%q; want a refusal saying %q and nothing was written", strings.Join(args, " "), code, out, errOut, c.want)
			}
			if after := snapshotFolders(t, home, other); after != before {
				t.Errorf("assay backup %s changed the folders:\n--- before\n%s--- after\n%s", strings.Join(args, " "), before, after)
			}
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"backup"}, "backup needs the backup file to write"},
		{[]string{"backup", "-o", filepath.Join(other, "a.db"), filepath.Join(other, "b.db")}, "give the backup file once"},
	} {
		if code, _, errOut := s.run("", c.args...); code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("assay %s: exit %d, %q; want %q", strings.Join(c.args, " "), code, errOut, c.want)
		}
	}
	if b, _ := os.ReadFile(notes); string(b) != "my notes\n" {
		t.Errorf("notes.txt now holds %q", b)
	}

	// A team database is backed up with pg_dump, or copied into a file
	// with assay migrate --from.
	team := newCLISession(t)
	team.env["ASSAY_DB"] = "postgres://nobody@127.0.0.1:1/privacy"
	code, _, errOut := team.run("", "backup", filepath.Join(other, "team.db"))
	if code == 0 || !strings.Contains(errOut, "pg_dump") || !strings.Contains(errOut, "docs/team.md") || !strings.Contains(errOut, "assay migrate --from") {
		t.Errorf("assay backup of a team database: exit %d, %q", code, errOut)
	}
	if _, err := os.Lstat(filepath.Join(other, "team.db")); err == nil {
		t.Error("assay backup of a team database created the file")
	}

	// No database to back up: nothing is created, neither the database
	// nor the backup.
	none := newCLISession(t)
	code, _, errOut = none.run("", "backup", filepath.Join(other, "none.db"))
	if code == 0 || !strings.Contains(errOut, "no database") {
		t.Errorf("assay backup with no database: exit %d, %q", code, errOut)
	}
	for _, p := range []string{none.env["ASSAY_DB"], filepath.Join(other, "none.db")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("assay backup with no database created %s", p)
		}
	}
}

// Restoring as README and docs/security.md say (with assay closed:
// verify the backup, then point ASSAY_DB at it or move the database and
// its -wal and -shm aside and copy the backup into place) gives a
// database that verifies and holds the backup's state; a report made
// after the backup pins a later history, and verify --against it finds
// the rollback that verify alone passes.
func TestRestoreFromBackupIsARollbackVerifyAgainstFinds(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no\nencryption: partial")
	file := filepath.Join(t.TempDir(), "backup.db")
	s.ok("backup", file)
	at := s.ok("report", id)

	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "more.yaml", "answers:\n  breach-notice: yes\n"))
	later := filepath.Join(t.TempDir(), "later.md")
	s.ok("report", id, "-o", later)

	if out := s.ok("--db", file, "verify"); !strings.HasPrefix(out, "Audit trail intact") {
		t.Fatalf("verify of the backup: %s", out)
	}
	dbPath := s.env["ASSAY_DB"]
	aside := t.TempDir()
	for _, suffix := range databaseSuffixes {
		if err := os.Rename(dbPath+suffix, filepath.Join(aside, "assay.db"+suffix)); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	copyDB(t, file, dbPath)
	for _, use := range [][]string{nil, {"--db", file}} {
		if out := s.ok(append(use, "verify")...); !strings.HasPrefix(out, "Audit trail intact") {
			t.Errorf("verify of the restored database (%v): %s", use, out)
		}
		if got := s.ok(append(use, "report", id)...); got != at {
			t.Errorf("the restored database (%v) reports otherwise than the database did when it was backed up", use)
		}
		code, _, errOut := s.run("", append(use, "verify", "--against", later)...)
		if code != 1 || !strings.Contains(errOut, "its history was cut back") {
			t.Errorf("verify --against a report made after the backup, on the restored database (%v): exit %d, %s", use, code, errOut)
		}
	}
}

// A database changed outside assay is not backed up as if it were good:
// the copy fails verify, so the backup is refused, naming what verify
// found, and no file (nor the copy beside it) is left.
func TestBackupOfATamperedDatabaseIsRefused(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	s.plant(`UPDATE answers SET note = 'changed with sqlite3'`)
	dir := t.TempDir()
	code, _, errOut := s.run("", "backup", filepath.Join(dir, "b.db"))
	if code == 0 || !strings.Contains(errOut, "the copy does not verify") || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("assay backup of a tampered database: exit %d, %q", code, errOut)
	}
	if names := folderNames(t, dir); len(names) != 0 {
		t.Errorf("a refused backup left %q", names)
	}
}

// snapshotFolders lists the files of the folders, with each one's size,
// mode and modification time, so that a refusal is seen to change none.
func snapshotFolders(t *testing.T, dirs ...string) string {
	t.Helper()
	var b strings.Builder
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			fi, err := os.Lstat(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(filepath.Join(dir, e.Name()) + " " + fi.Mode().String() + " " + itoa64(fi.Size()) + " " + fi.ModTime().String() + "\n")
		}
	}
	return b.String()
}

func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A database that does not verify (changed outside assay, or signed with
// a key the person no longer trusts, as after losing their key file) can
// still be kept as it is with --unverified: a backup is most needed just
// then, before anyone looks into it. The refusal says so; the copy is
// SQLite-checked, named as not verified, and verify on it says the same.
func TestBackupUnverifiedKeepsADatabaseThatDoesNotVerify(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	s.plant(`UPDATE answers SET note = 'changed with sqlite3'`)
	dir := t.TempDir()
	file := filepath.Join(dir, "b.db")
	code, _, errOut := s.run("", "backup", file)
	if code == 0 || !strings.Contains(errOut, "--unverified") {
		t.Fatalf("the refusal does not say how to keep the copy anyway: exit %d, %q", code, errOut)
	}
	code, out, errOut := s.run("", "backup", "--unverified", file)
	if code != 0 {
		t.Fatalf("assay backup --unverified: exit %d, %q", code, errOut)
	}
	if !strings.Contains(out, "NOT verified") || strings.Contains(out, ", verified") || !strings.Contains(out, "Ledger head: entry") {
		t.Errorf("the backup does not say it is not verified and what it holds: %q", out)
	}
	if !strings.Contains(errOut, "does not verify") {
		t.Errorf("stderr does not say what verify found: %q", errOut)
	}
	if names := folderNames(t, dir); len(names) != 1 || names[0] != "b.db" {
		t.Errorf("the folder holds %q, want only b.db", names)
	}
	code, _, errOut = s.run("", "--db", file, "verify")
	if code == 0 || !strings.Contains(errOut, "changed") && !strings.Contains(errOut, "note") {
		t.Errorf("verify of the unverified backup: exit %d, %q; want the change named", code, errOut)
	}
	code, out, _ = s.run("", "--db", file, "list")
	if code != 0 || !strings.Contains(out, "Vendor security screen") && !strings.Contains(out, "vendor") {
		t.Errorf("the backup cannot be read: exit %d, %q", code, out)
	}
}

// A copy kept --unverified says what it holds, not how far verify got:
// verify stops at the first break, before it counts the subjects, and a
// portfolio of one assessment and one subject was reported as holding
// no subject.
func TestUnverifiedBackupCountsWhatItHolds(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	s.plant(`UPDATE assessments SET reviewer = 'Mallory'`)
	file := filepath.Join(t.TempDir(), "b.db")
	code, out, errOut := s.run("", "backup", "--unverified", file)
	if code != 0 {
		t.Fatalf("assay backup --unverified: exit %d, %q", code, errOut)
	}
	if !strings.Contains(out, ": 1 assessment and 1 subject, NOT verified") {
		t.Errorf("the backup does not count what it holds: %q", out)
	}
}
