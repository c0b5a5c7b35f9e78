//go:build unix

package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The rule assay shares with the kernel (fs.protected_symlinks,
// fs.protected_regular), worked out on the folder's mode and the owners:
// only in a folder both sticky and writable by anyone, and only for
// what belongs to neither the user nor the folder's owner.
func TestStrangerInSharedFolder(t *testing.T) {
	const me, root, other = 1000, 0, 54321
	tmp := fs.ModeDir | fs.ModeSticky | 0o777
	for _, c := range []struct {
		what            string
		mode            fs.FileMode
		dirOwner, owner uint32
		refused         bool
	}{
		{"another user's file in /tmp", tmp, root, other, true},
		{"root's file in /tmp, whose owner root is", tmp, root, root, false},
		{"my own file in /tmp", tmp, root, me, false},
		{"another user's file in their own shared folder", tmp, other, other, false},
		{"another user's file in a folder not sticky", fs.ModeDir | 0o777, root, other, false},
		{"another user's file in a sticky folder only its owner writes", fs.ModeDir | fs.ModeSticky | 0o775, root, other, false},
	} {
		why := strangerInSharedFolder(c.mode, c.dirOwner, c.owner, me)
		if (why != "") != c.refused {
			t.Errorf("%s: %q, want refused %v", c.what, why, c.refused)
		}
		if c.refused && !strings.Contains(why, "another user (uid 54321)") {
			t.Errorf("%s: %q does not name the other user", c.what, why)
		}
	}
}

// Another user leaves /tmp/report.md (theirs, writable by anyone) and
// waits for -o /tmp/report.md: root's rename replaced it without a word,
// where the kernel's fs.protected_regular keeps even root from writing
// into it (and another user's rename fails with "operation not
// permitted", which says nothing of why). Every command writing -o,
// backup --overwrite and the workspace's export refuse it, naming the
// file and why, and leave it as it was.
func TestOutputRefusesAFileAnotherUserPlantedInASharedFolder(t *testing.T) {
	shared := sharedFolder(t)
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	plant := func(base string) string {
		f := writeFile(t, shared, base, "planted\n")
		must(t, os.Chmod(f, 0o666))
		must(t, os.Chown(f, otherUser, otherUser))
		return f
	}
	refused := func(what, out, errOut string) {
		t.Helper()
		if !strings.Contains(errOut, out+" is in "+shared+", a shared folder") || !strings.Contains(errOut, "another user (uid 54321)") ||
			!strings.Contains(errOut, "nothing was written") {
			t.Errorf("%s: %q; want a refusal naming %s as another user's file in a shared folder", what, errOut, out)
		}
		if b, _ := os.ReadFile(out); string(b) != "planted\n" {
			t.Errorf("%s replaced the planted file: %.40q", what, b)
		}
	}

	report := plant("report.md")
	for _, cmd := range outputCommands {
		args := append(append([]string{}, cmd...), report)
		code, _, errOut := s.run("", args...)
		if strings.Contains(errOut, "is named for") {
			continue // refused for its name first
		}
		if code != 1 {
			t.Errorf("%s: exit %d", strings.Join(cmd, " "), code)
		}
		refused(strings.Join(cmd, " "), report, errOut)
	}
	ws := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}
	err := ws.writeFile(report, []byte("report"))
	if err == nil {
		t.Fatal("the workspace's export replaced the planted file")
	}
	refused("the workspace's export", report, err.Error())

	backup := filepath.Join(shared, "portfolio.db")
	s.ok("backup", backup)
	must(t, os.Chmod(backup, 0o666))
	must(t, os.Chown(backup, otherUser, otherUser))
	before, _ := os.ReadFile(backup)
	code, _, errOut := s.run("", "backup", "--overwrite", backup)
	if code != 1 || !strings.Contains(errOut, backup+" is in "+shared+", a shared folder") || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("backup --overwrite another user's file in a shared folder: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(backup); string(after) != string(before) {
		t.Error("backup --overwrite replaced another user's file in a shared folder")
	}
}
