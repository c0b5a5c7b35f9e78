package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// nobody is the unprivileged user the read-only tests run assay as when
// the tests run as root, who ignores file modes.
const nobody = 65534

// unprivileged returns the command that runs bin as a user the file modes
// bind: bin itself, or under setpriv as nobody when the tests run as root.
func unprivileged(t *testing.T, bin string) []string {
	t.Helper()
	if os.Geteuid() != 0 {
		return []string{bin}
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv (util-linux): cannot run assay as a user file modes bind")
	}
	// nobody must reach the binary.
	if err := os.Chmod(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	return []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin}
}

// giveAway makes paths nobody's when the tests run as root, so that their
// modes, not root's privilege, decide what assay may do.
func giveAway(t *testing.T, paths ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	for _, p := range paths {
		if err := os.Lchown(p, nobody, nobody); err != nil {
			t.Fatal(err)
		}
	}
}

// openDir makes a test folder and its parent (t.TempDir's, 0700) reachable
// by every user.
func openDir(t *testing.T, dir string) {
	t.Helper()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// runAs runs the command line cmd (from unprivileged) with args.
func runAs(t *testing.T, cmd []string, env []string, args ...string) procResult {
	t.Helper()
	r, hung := runBounded(t, cmd[0], env, append(append([]string{}, cmd[1:]...), args...)...)
	if hung {
		t.Fatalf("assay %s hung", strings.Join(args, " "))
	}
	r.args = args
	return r
}

// readOnlyDB makes a database with one assessment, one answer and a plan
// item, in folder data under a fresh test folder reachable by nobody.
func readOnlyDB(t *testing.T, bin string) (base, data, db string, env []string) {
	t.Helper()
	base = t.TempDir()
	openDir(t, base)
	data = filepath.Join(base, "data")
	db = filepath.Join(data, "assay.db")
	env = procEnv(base, db)
	for _, args := range [][]string{
		{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"},
		{"answer", "1", "-f", writeFile(t, base, "answers.yaml", "answers:\n  mfa: no\n")},
	} {
		if r := runProc(bin, env, args...); r.code != 0 {
			t.Fatalf("assay %s: %s", args[0], r.errs)
		}
	}
	for _, p := range []string{base + "/answers.yaml"} {
		if err := os.Chmod(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The person who wrote the database reads it: their config folder and
	// the signing key made there on the first change are theirs, so that
	// verify trusts what they signed.
	config := filepath.Join(base, "config")
	giveAway(t, config, filepath.Join(config, "assay"), filepath.Join(config, "assay", "signing-key.pem"))
	return base, data, db, env
}

// checkReadOnly runs every reading command on a read-only database (they
// work) and every kind of write (each says the database is read-only and
// that nothing was recorded), and checks the database file is unchanged.
func checkReadOnly(t *testing.T, cmd []string, env []string, base, db string) {
	t.Helper()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(base, "out")
	if err := os.Mkdir(out, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"list"}, "Acme Cloud Ltd"},
		{[]string{"score", "1"}, "critical"},
		{[]string{"report", "1"}, "# Vendor security screen: Acme Cloud Ltd"},
		{[]string{"report", "1", "-o", filepath.Join(out, "acme.md")}, ""},
		{[]string{"export", "1"}, `"format": "assay-assessment"`},
		{[]string{"verify"}, "intact"},
		{[]string{"plan", "1"}, "mfa"},
	} {
		r := runAs(t, cmd, env, c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("assay %s on a read-only database: exit %d\nstdout: %.300s\nstderr: %s", strings.Join(c.args, " "), r.code, r.stdout, r.errs)
		}
	}
	if b, err := os.ReadFile(filepath.Join(out, "acme.md")); err != nil || !strings.Contains(string(b), "Acme Cloud Ltd") {
		t.Errorf("report -o: %v", err)
	}
	for _, args := range [][]string{
		{"answer", "1", "-f", filepath.Join(base, "answers.yaml")},
		{"new", "-q", "vendor-security-screen", "-s", "Globex"},
		{"plan", "1", "--item", "mfa", "--owner", "Sam Ortiz"},
		{"review", "1", "--submit", "--comment", "ready"},
		{"subject", "add", "Initech"},
		// A sending is recorded before its file is written: a file with no
		// sending on record would let the vendor pass answers off as ours.
		{"send", "1", "-o", filepath.Join(out, "acme.yaml")},
	} {
		r := runAs(t, cmd, env, args...)
		want := db + " is read-only"
		if r.code != 1 || !strings.Contains(r.errs, want) || !strings.Contains(r.errs, "nothing was recorded") || strings.Count(r.errs, "nothing was recorded") > 1 {
			t.Errorf("assay %s: exit %d, stderr %q; want exit 1, %q and \"nothing was recorded\" once", strings.Join(args, " "), r.code, r.errs, want)
		}
		if rawCode.MatchString(r.errs) {
			t.Errorf("assay %s shows SQLite's code: %q", strings.Join(args, " "), r.errs)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "acme.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("assay send on a read-only database wrote the vendor's file, whose sending it could not record (%v)", err)
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("the read-only database changed")
	}
}

// A database assay may read but not write (a read-only file, a read-only
// folder, both, a read-only mount) can be listed, scored, reported,
// exported and verified; every write says plainly that the database is
// read-only and that nothing was recorded. Before, even assay list failed
// with "permission denied" or SQLite's "attempt to write a readonly
// database (1544)".
func TestReadOnlyDatabaseCanBeReadAndSaysSoOnWrite(t *testing.T) {
	bin := assayBinary(t)
	for _, c := range []struct {
		name             string
		fileMode, dirMod os.FileMode
	}{
		{"file 0400", 0o400, 0o700},
		{"folder 0500", 0o600, 0o500},
		{"file 0400 in folder 0500", 0o400, 0o500},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := unprivileged(t, bin)
			base, data, db, env := readOnlyDB(t, bin)
			giveAway(t, data, db)
			if err := os.Chmod(db, c.fileMode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(data, c.dirMod); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(data, 0o700) })
			checkReadOnly(t, cmd, env, base, db)
		})
	}
	// A bind mount made read-only: Linux only (readonly_linux_test.go).
	t.Run("read-only mount", func(t *testing.T) { readOnlyMountCanBeRead(t, bin) })
}

// A reader without write access sees the latest commit of a writer who
// has the database open, whose commits are still in the -wal.
func TestReadOnlyReaderSeesCommitsStillInTheWAL(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: the writer and the reader must be different users")
	}
	bin := assayBinary(t)
	cmd := unprivileged(t, bin)
	base, data, db, env := readOnlyDB(t, bin)
	if err := os.Chmod(data, 0o755); err != nil {
		t.Fatal(err)
	}
	// The writer (root) keeps a connection open, so that the commit of
	// the next answer stays in the -wal when that assay process ends.
	conn := rawConn(t, db)
	var n int
	if err := conn.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM answers`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if r := runProc(bin, env, "answer", "1", "-f", writeFile(t, base, "more.yaml", "answers:\n  policy: yes\n")); r.code != 0 {
		t.Fatalf("answer: %s", r.errs)
	}
	for _, ext := range []string{"", "-wal", "-shm"} {
		if err := os.Chmod(db+ext, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Stat(db + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the second answer is not waiting in the -wal: %v", err)
	}
	r := runAs(t, cmd, env, "list")
	if r.code != 0 || !strings.Contains(r.stdout, "2/33") {
		t.Errorf("the reader does not see the answer still in the -wal: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
}

// rawCode matches an SQLite result code as its driver prints it: "(13)",
// "(778)", "(1544)".
var rawCode = regexp.MustCompile(`\(\d+\)`)
