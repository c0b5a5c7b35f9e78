package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o onto a file the user made read-only (chmod 0444) replaced it
// silently: the rename that replaces a file needs only the folder's
// write permission, and root may write any file. A shell's > and cp
// refuse such a file (for anyone but root), and backup --overwrite
// refuses it by its mode; -o has no option to overwrite, so every
// command writing -o, and the workspace's export, refuse it by its mode,
// through a link too, say it is read-only and that nothing was written,
// and leave it as it was. Made writable again, it is replaced.
func TestOutputRefusesAReadOnlyFile(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	dir := t.TempDir()
	kept := writeFile(t, dir, "signed.md", "the committee's signed copy\n")
	must(t, os.Chmod(kept, 0o444))
	link := filepath.Join(dir, "latest.md")
	must(t, os.Symlink(kept, link))

	ws := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}
	for _, name := range []string{kept, link} {
		before := stateOf(t, kept)
		for _, cmd := range outputCommands {
			args := append(append([]string{}, cmd...), name)
			code, _, errOut := s.run("", args...)
			if code != 1 || !strings.Contains(errOut, name+" is read-only") || !strings.Contains(errOut, "nothing was written") {
				t.Errorf("%s onto a read-only file (%s): exit %d, %q; want a refusal saying it is read-only", strings.Join(cmd, " "), filepath.Base(name), code, errOut)
			}
		}
		for _, write := range []func(string, []byte) error{ws.writeFile, ws.createExport} {
			if err := write(name, []byte("report")); err == nil || !strings.Contains(err.Error(), name+" is read-only") {
				t.Errorf("the workspace's export onto a read-only file (%s): %v; want a refusal saying it is read-only", filepath.Base(name), err)
			}
		}
		if !before.same(t, kept) {
			t.Errorf("writing to %s changed the read-only file", filepath.Base(name))
		}
	}

	must(t, os.Chmod(kept, 0o644))
	s.ok("report", "1", "-o", link)
	if b, _ := os.ReadFile(kept); !strings.Contains(string(b), "Acme") && !strings.Contains(string(b), "vendor") {
		t.Errorf("the file made writable again was not replaced: %q", b)
	}
}

// A file the user may not write (another user's, 0644, in a folder
// anyone may write to that is not sticky) is refused as read-only for
// them too: the rename would have replaced it. Run as root, assay runs
// as nobody, whom the file's mode binds.
func TestOutputRefusesAnotherUsersFile(t *testing.T) {
	_, cmd, env, open := asNobodyBesideAnOpenFolder(t)
	theirs := writeFile(t, open, "theirs.md", "another user's notes\n")
	must(t, os.Chmod(theirs, 0o644))
	before := stateOf(t, theirs)
	r := runAs(t, cmd, env, "report", "1", "-o", theirs)
	if r.code != 1 || !strings.Contains(r.errs, theirs+" is read-only for you") || !strings.Contains(r.errs, "nothing was written") {
		t.Errorf("report -o another user's file: exit %d, %q; want a refusal saying it is read-only for you", r.code, r.errs)
	}
	if !before.same(t, theirs) {
		t.Error("report -o replaced another user's file")
	}
}

// backup --overwrite refuses an earlier backup the user may not write
// (another user's, 0644, in a folder anyone may write to that is not
// sticky) as -o does, where the rename would have replaced it.
func TestBackupOverwriteRefusesAnotherUsersBackup(t *testing.T) {
	bin, cmd, env, open := asNobodyBesideAnOpenFolder(t)
	theirs := filepath.Join(open, "earlier.db")
	if r := runProc(bin, env, "backup", theirs); r.code != 0 {
		t.Fatalf("assay backup as root: %s", r.errs)
	}
	must(t, os.Chmod(theirs, 0o644))
	before := stateOf(t, theirs)
	r := runAs(t, cmd, env, "backup", "--overwrite", theirs)
	if r.code != 1 || !strings.Contains(r.errs, theirs+" is read-only for you") || !strings.Contains(r.errs, "nothing was written") {
		t.Errorf("backup --overwrite another user's backup: exit %d, %q; want a refusal saying it is read-only for you", r.code, r.errs)
	}
	if !before.same(t, theirs) {
		t.Error("backup --overwrite replaced another user's backup")
	}
}

// asNobodyBesideAnOpenFolder sets up the tests of another user's file:
// run as root, it gives assay's database to nobody, returns the command
// that runs assay as nobody (cmd, with env) and a folder anyone may
// write to that is not sticky; bin runs assay as root.
func asNobodyBesideAnOpenFolder(t *testing.T) (bin string, cmd, env []string, open string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("making a file another user's needs root")
	}
	bin = assayBinary(t)
	cmd = unprivileged(t, bin)
	base, _, _, env := readOnlyDB(t, bin)
	giveAway(t, filepath.Join(base, "data"), filepath.Join(base, "data", "assay.db"))
	open = filepath.Join(base, "open")
	must(t, os.Mkdir(open, 0o777))
	must(t, os.Chmod(open, 0o777))
	return bin, cmd, env, open
}
