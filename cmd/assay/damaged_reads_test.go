package main

import (
	"crypto/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/testfixture"
)

// fileDamage is one way a person's database file is found broken, made
// from a good one: what every command on it says (readSays, by a command
// that only reads; writeSays, by one that writes), and whether the
// command must run as a user whom file modes bind (asUser).
type fileDamage struct {
	name                string
	damage              func(t *testing.T, path string) (release func())
	readSays, writeSays string
	asUser              bool
}

// fileDamages are the ways a database is found broken. Those SQLite finds
// (a damaged file, one locked by another program) were said as "nothing
// was recorded" by assay list, report and the other commands that only
// read, which never meant to record anything: they say nothing could be
// read, and a command that writes still says nothing was recorded.
var fileDamages = []fileDamage{
	{name: "truncated", damage: func(t *testing.T, path string) func() {
		return rewrite(t, path, func(b []byte) []byte { return b[:2*4096] })
	}, readSays: "is damaged: SQLite finds it malformed; nothing could be read", writeSays: "is damaged: SQLite finds it malformed; nothing was recorded"},
	{name: "its tables overwritten", damage: func(t *testing.T, path string) func() {
		// The pages after the first five, which hold the schema and
		// the record of migrations: the file opens, and its tables do not read.
		return rewrite(t, path, func(b []byte) []byte { _, _ = rand.Read(b[5*4096:]); return b })
	}, readSays: "is damaged: SQLite finds it malformed; nothing could be read", writeSays: "is damaged: SQLite finds it malformed; nothing was recorded"},
	{name: "garbage in its header", damage: func(t *testing.T, path string) func() {
		return rewrite(t, path, func(b []byte) []byte { copy(b, strings.Repeat("garbage!", 12)); return b })
	}, readSays: "is not an assay database (not SQLite); assay left it unchanged", writeSays: "is not an assay database (not SQLite); assay left it unchanged"},
	{name: "SQLite's header, garbage after it", damage: func(t *testing.T, path string) func() {
		return rewrite(t, path, func(b []byte) []byte { copy(b[16:], strings.Repeat("garbage!", len(b)/8)); return b })
	}, readSays: "%s is a damaged SQLite database: it starts as SQLite's do, and SQLite cannot read what follows; nothing could be read, and assay left it unchanged. Restore it from a backup",
		writeSays: "%s is a damaged SQLite database: it starts as SQLite's do, and SQLite cannot read what follows; nothing was recorded, and assay left it unchanged. Restore it from a backup"},
	{name: "not a database", damage: func(t *testing.T, path string) func() {
		return rewrite(t, path, func([]byte) []byte { return []byte("answers:\n  attestation: \"no\"\n") })
	}, readSays: "is not an assay database (not SQLite); assay left it unchanged", writeSays: "is not an assay database (not SQLite); assay left it unchanged"},
	{name: "a folder", damage: func(t *testing.T, path string) func() {
		must(t, os.Remove(path))
		must(t, os.Mkdir(path, 0o700))
		return func() {}
	}, readSays: "is a folder, not a regular file; assay left it unchanged", writeSays: "is a folder, not a regular file; assay left it unchanged"},
	{name: "mode 000", damage: func(t *testing.T, path string) func() {
		giveAway(t, path)
		must(t, os.Chmod(path, 0))
		return func() {}
	}, asUser: true, readSays: "cannot read " + "%s: permission denied", writeSays: "cannot read " + "%s: permission denied"},
	{name: "locked by the sqlite3 shell", damage: func(t *testing.T, path string) func() {
		return testfixture.HoldExclusiveLock(t, path)
	}, readSays: "the database is busy: another program holds %s for itself", writeSays: "the database is busy: another program holds the write lock of %s"},
}

// rewrite replaces the file at path with edit of its bytes.
func rewrite(t *testing.T, path string, edit func([]byte) []byte) func() {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	must(t, os.WriteFile(path, edit(b), 0o600))
	return func() {}
}

// A damaged, unreadable or locked database file, each kind in turn: the
// commands that only read say, in one line naming the file, what they
// could not read, never that nothing was recorded; a command that writes
// says that nothing was recorded. None of them creates a file beside it
// (a -wal, a -shm, a -journal), nor changes the file's bytes or mode.
func TestDamagedFileReadsSayNothingCouldBeReadWritesNothingWasRecorded(t *testing.T) {
	bin := assayBinary(t)
	reads := [][]string{{"list"}, {"score", "1"}, {"report", "1"}, {"verify"}, {"history", "1"}, {"export", "1"}, {"due"}}
	write := []string{"answer", "1", "-f", ""}
	for _, d := range fileDamages {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			openDir(t, dir)
			db := filepath.Join(dir, "assay.db")
			env := procEnv(dir, db)
			if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
				t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
			}
			answers := filepath.Join(t.TempDir(), "no.yaml")
			must(t, os.WriteFile(answers, []byte("answers:\n  attestation: \"no\"\n"), 0o644))
			openDir(t, filepath.Dir(answers))
			write[len(write)-1] = answers
			d.damage(t, db)
			run := []string{bin}
			if d.asUser {
				// Their own home, which they may read and write, with
				// the database where it was.
				home := t.TempDir()
				openDir(t, home)
				giveAway(t, home)
				env = procEnv(home, db)
				run = unprivileged(t, bin)
			}
			before := folderState(t, dir, db)
			says := func(args []string, want, notWant string) {
				t.Helper()
				r := runProc(run[0], env, append(run[1:], args...)...)
				msg := strings.TrimSuffix(r.errs, "\n")
				if want = strings.ReplaceAll(want, "%s", db); r.code != 1 || !strings.HasPrefix(msg, "assay: ") || strings.Contains(msg, "\n") ||
					strings.Count(msg, db) != 1 || !strings.Contains(msg, want) || strings.Contains(msg, notWant) {
					t.Errorf("assay %s: exit %d, said %q\nwant exit 1 and one line naming %s once that says %q, not %q", strings.Join(args, " "), r.code, r.errs, db, want, notWant)
				}
				if after := folderState(t, dir, db); after != before {
					t.Fatalf("assay %s changed the folder or the file:\nbefore: %s\nafter:  %s", strings.Join(args, " "), before, after)
				}
			}
			for _, args := range reads {
				says(args, d.readSays, "nothing was recorded")
			}
			says(write, d.writeSays, "nothing could be read")
		})
	}
}

// folderState is what dir holds, by name, and the bytes and mode of the
// file at db: what no refused command may change.
func folderState(t *testing.T, dir, db string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	fi, err := os.Lstat(db)
	must(t, err)
	state := strings.Join(names, " ") + " | " + fi.Mode().String()
	if fi.Mode().IsRegular() {
		state += " " + fileDigest(t, db, fi.Mode().Perm())
	}
	return state
}

// fileDigest is the SHA-256 of the file at path, read by another process:
// a file this process opens and closes would drop the locks SQLite holds
// on it here (POSIX locks are the process's, and the first close of the
// file lets them all go), as a held lock is. A file of a mode its owner
// may not read is read with the owner's read bit lent for the time of it.
func fileDigest(t *testing.T, path string, mode os.FileMode) string {
	t.Helper()
	if mode&0o400 == 0 && os.Geteuid() != 0 {
		must(t, os.Chmod(path, mode|0o400))
		defer func() { must(t, os.Chmod(path, mode)) }()
	}
	out, err := exec.Command("sha256sum", path).Output()
	if err != nil {
		t.Fatalf("sha256sum %s: %v", path, err)
	}
	return strings.Fields(string(out))[0]
}
