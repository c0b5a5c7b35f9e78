package main

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outputCommands are every command that writes a file with -o; each is
// given the output path last.
var outputCommands = [][]string{
	{"report", "1", "-o"},
	{"report", "1", "--format", "csv", "-o"},
	{"report", "1", "--format", "oscal-poam", "-o"},
	{"plan", "1", "--csv", "-o"},
	{"plan", "1", "-o"},
	{"export", "1", "-o"},
	{"send", "1", "-o"},
}

// fileState is what a test remembers of a path: its type, identity and
// content, to tell afterwards that nothing replaced or changed it.
type fileState struct {
	mode fs.FileMode
	info fs.FileInfo
	body string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fileState{mode: fi.Mode().Type(), info: fi}
	if fi.Mode().IsRegular() {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		st.body = string(b)
	}
	return st
}

func (st fileState) same(t *testing.T, path string) bool {
	t.Helper()
	now := stateOf(t, path)
	return now.mode == st.mode && os.SameFile(now.info, st.info) && now.body == st.body
}

// -o never replaces the database assay uses, its -wal, -shm or -journal
// file (by name, through a symbolic link, a hard link or a path with ..),
// nor anything that is not a regular file (a named pipe, a device, a
// socket, a folder): the command exits 1 naming the path, and writes
// nothing. Before, "assay report 1 -o $ASSAY_DB" replaced the database
// with the report and exited 0, and -o onto a FIFO, a device or a socket
// replaced it with a regular file.
func TestOutputNeverReplacesTheDatabaseOrASpecialFile(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	s.ok("answer", "1", "-f", writeFile(t, t.TempDir(), "answers.yaml", "answers:\n  mfa: no\n")) // a plan item, for the POA&M
	db := s.env["ASSAY_DB"]
	dir := filepath.Dir(db)
	before := s.dbDigest()
	beforeReport := s.ok("report", "1", "--as-of", "2026-03-02")

	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	symlink := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(db, symlink); err != nil {
		t.Fatal(err)
	}
	hardlink := filepath.Join(dir, "hard.md")
	if err := os.Link(db, hardlink); err != nil {
		t.Fatal(err)
	}
	walLink := filepath.Join(t.TempDir(), "wal.md") // dangling while no -wal exists
	if err := os.Symlink(db+"-wal", walLink); err != nil {
		t.Fatal(err)
	}
	// A socket path must be short: not under t.TempDir.
	sockDir, err := os.MkdirTemp("", "assay-sock-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	ln, err := net.Listen("unix", filepath.Join(sockDir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	database := "is the database assay is using (or its -wal, -shm or -journal file); nothing was written"
	special := "not a regular file; nothing was written"
	targets := []struct{ name, path, want string }{
		{"the database", db, database},
		{"its -wal", db + "-wal", database},
		{"its -shm", db + "-shm", database},
		{"its -journal", db + "-journal", database},
		{"the database by a path with ..", sub + "/../" + filepath.Base(db), database},
		{"the database by a symbolic link", symlink, database},
		{"the database by a hard link", hardlink, database},
		{"its -wal by a symbolic link", walLink, database},
		{"a named pipe", mkfifo(t, t.TempDir(), "pipe"), "is a named pipe (FIFO), " + special},
		{"a socket", filepath.Join(sockDir, "s"), "is a socket, " + special},
		{"a folder", sub, "is a folder, " + special},
	}
	if dev, ok := mknodNull(t, t.TempDir()); ok {
		targets = append(targets, struct{ name, path, want string }{"a device", dev, "is a device, " + special})
	} else {
		t.Log("not root: cannot make a device node, so -o onto a device is not tried")
	}
	for _, c := range targets {
		t.Run(c.name, func(t *testing.T) {
			var was *fileState
			if _, err := os.Lstat(c.path); err == nil {
				st := stateOf(t, c.path)
				was = &st
			}
			for _, args := range outputCommands {
				code, out, errOut := s.run("", append(append([]string{}, args...), c.path)...)
				if code != 1 || !strings.Contains(errOut, "assay: "+c.path+" "+c.want) {
					t.Errorf("assay %s: exit %d, stderr %q; want exit 1 and %q", strings.Join(args, " "), code, errOut, c.path+" "+c.want)
				}
				if out != "" {
					t.Errorf("assay %s: stdout %q", strings.Join(args, " "), out)
				}
			}
			if was != nil && !was.same(t, c.path) {
				t.Errorf("%s was replaced or changed", c.path)
			}
			if was == nil {
				if _, err := os.Lstat(c.path); err == nil {
					t.Errorf("assay created %s", c.path)
				}
			}
		})
	}
	if after := s.dbDigest(); after != before {
		t.Error("the database changed")
	}
	if after := s.ok("report", "1", "--as-of", "2026-03-02"); after != beforeReport {
		t.Error("the report changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".assay-") {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
}

// -o onto a regular file replaces it whole (owner-only, see
// permissions_test.go); onto a symbolic link to a regular file it replaces
// the file the link points to and the link stays.
func TestOutputThroughASymbolicLinkWritesItsTarget(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	dir := t.TempDir()
	target := writeFile(t, dir, "report.md", "an older report\n")
	link := filepath.Join(t.TempDir(), "latest.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	s.ok("report", "1", "-o", link)
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != fs.ModeSymlink {
		t.Fatalf("the link was replaced: %v", err)
	}
	b, err := os.ReadFile(target)
	if err != nil || !strings.Contains(string(b), "Acme") {
		t.Errorf("the link's target holds %q, %v", b, err)
	}
}

// A write that fails names the file the user asked for, never the
// temporary file assay writes first.
func TestOutputErrorsNameTheFileAskedFor(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	missing := filepath.Join(t.TempDir(), "no-such-folder", "report.md")
	code, _, errOut := s.run("", "report", "1", "-o", missing)
	if code != 1 || errOut != "assay: cannot write "+missing+": the folder "+filepath.Dir(missing)+" does not exist, and assay creates none; nothing was written\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
