package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otherUser is the uid the tests give files "another user" planted; no
// account needs to exist for it.
const otherUser = 54321

// sharedFolder is a folder like /tmp: anyone may write to it and the
// sticky bit keeps each user's files their own. The folder is the test
// runner's (root's), as /tmp is root's.
func sharedFolder(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("giving a link to another user needs root")
	}
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o777|os.ModeSticky))
	return dir
}

// plantLink makes a symbolic link at link to dest owned by uid.
func plantLink(t *testing.T, dest, link string, uid int) {
	t.Helper()
	must(t, os.Symlink(dest, link))
	must(t, os.Lchown(link, uid, uid))
}

// Another user plants /tmp/report.md -> the victim's ~/.bashrc (or
// ~/.ssh/authorized_keys, not there yet) and waits for -o /tmp/report.md.
// The system's fs.protected_symlinks refuses to follow such a link (in a
// sticky folder anyone may write, owned by neither the follower nor the
// folder's owner), but assay resolved links itself and renamed over the
// end, so it wrote the report there all the same (this sandbox runs with
// protected_symlinks off, as many do; assay must not depend on it). Every
// command writing -o, and backup, refuse it before writing anything,
// naming the link, at any hop of a chain and for a link standing in for
// a folder; nothing at the end changes.
func TestOutputRefusesALinkAnotherUserPlantedInASharedFolder(t *testing.T) {
	shared := sharedFolder(t)
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	home := t.TempDir()
	bashrc := writeFile(t, home, ".bashrc", "export PATH=/usr/bin\n")
	keys := filepath.Join(home, "authorized_keys") // not there yet
	private := t.TempDir()

	type attack struct{ what, out, link string }
	var attacks []attack
	add := func(what, out, link string) { attacks = append(attacks, attack{what, out, link}) }

	toBashrc := filepath.Join(shared, "report.md")
	plantLink(t, bashrc, toBashrc, otherUser)
	add("a link to an existing file", toBashrc, toBashrc)
	toKeys := filepath.Join(shared, "report.txt")
	plantLink(t, keys, toKeys, otherUser)
	add("a link to a file not there yet", toKeys, toKeys)
	// The user's own link in a private folder leads to the planted one:
	// the second hop is the one to refuse.
	hop := filepath.Join(shared, "hop.md")
	plantLink(t, keys, hop, otherUser)
	mine := filepath.Join(private, "latest.md")
	must(t, os.Symlink(hop, mine))
	add("a chain whose second link was planted", mine, hop)
	// A planted link standing for a folder: /tmp/out -> ~.
	toHome := filepath.Join(shared, "out")
	plantLink(t, home, toHome, otherUser)
	add("a link in place of a folder", filepath.Join(toHome, "authorized_keys"), toHome)

	// backup writes only database names: its own links, as above.
	dbToBashrc := filepath.Join(shared, "portfolio.db")
	plantLink(t, bashrc, dbToBashrc, otherUser)
	dbToKeys := filepath.Join(shared, "new.db")
	plantLink(t, keys, dbToKeys, otherUser)
	backups := []attack{
		{"backup onto a link to an existing file", dbToBashrc, dbToBashrc},
		{"backup onto a link to a file not there yet", dbToKeys, dbToKeys},
		attacks[3],
	}

	type run struct {
		cmd []string
		a   attack
	}
	var runs []run
	for _, a := range attacks {
		for _, cmd := range outputCommands {
			runs = append(runs, run{cmd, a})
		}
	}
	for _, a := range backups {
		runs = append(runs, run{[]string{"backup", "-o"}, a}, run{[]string{"backup", "--overwrite", "-o"}, a})
	}
	for _, r := range runs {
		cmd, a := r.cmd, r.a
		args := append(append([]string{}, cmd...), a.out)
		code, _, errOut := s.run("", args...)
		if code != 1 || !strings.Contains(errOut, a.link) || !strings.Contains(errOut, "another user") ||
			!strings.Contains(errOut, "nothing was written") {
			t.Errorf("%s (%s): exit %d, %q; want a refusal naming %s as another user's link", strings.Join(cmd, " "), a.what, code, errOut, a.link)
		}
		if b, _ := os.ReadFile(bashrc); string(b) != "export PATH=/usr/bin\n" {
			t.Fatalf("%s (%s) wrote ~/.bashrc: %q", strings.Join(cmd, " "), a.what, b)
		}
		if _, err := os.Lstat(keys); err == nil {
			t.Fatalf("%s (%s) wrote authorized_keys", strings.Join(cmd, " "), a.what)
		}
	}

	// The workspace's export shares the writer.
	ws := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}
	for _, a := range attacks {
		for _, write := range []func(string, []byte) error{ws.writeFile, ws.createExport} {
			if err := write(a.out, []byte("report")); err == nil || !strings.Contains(err.Error(), a.link) || !strings.Contains(err.Error(), "another user") {
				t.Errorf("the workspace's export to %s (%s): %v; want a refusal naming %s", a.out, a.what, err, a.link)
			}
		}
	}
	if _, err := os.Lstat(keys); err == nil {
		t.Fatal("the workspace's export wrote authorized_keys")
	}
}

// What the kernel's rule lets through, assay follows: the user's own link
// in the shared folder, a link owned by the folder's owner (a folder
// another user shares), and another user's link in a folder that is not
// sticky or not writable by everyone.
func TestOutputFollowsLinksTheSystemWouldFollow(t *testing.T) {
	shared := sharedFolder(t)
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	dest := t.TempDir()

	theirs := t.TempDir()
	must(t, os.Chmod(theirs, 0o777|os.ModeSticky))
	must(t, os.Chown(theirs, otherUser, otherUser))
	plain := t.TempDir()
	must(t, os.Chmod(plain, 0o755))

	for _, c := range []struct {
		what, dir string
		owner     int
	}{
		{"your own link in a shared folder", shared, os.Geteuid()},
		{"the folder owner's link in their shared folder", theirs, otherUser},
		{"another user's link in a folder that is not sticky", plain, otherUser},
	} {
		end := filepath.Join(dest, filepath.Base(c.dir)+".md")
		link := filepath.Join(c.dir, "report.md")
		plantLink(t, end, link, c.owner)
		s.ok("report", "1", "-o", link)
		if b, err := os.ReadFile(end); err != nil || !strings.Contains(string(b), "Acme") {
			t.Errorf("%s: the file it points to holds %q, %v", c.what, b, err)
		}
	}
}
