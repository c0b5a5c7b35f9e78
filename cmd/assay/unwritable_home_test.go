package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A home folder nothing may be written into (a read-only mount, or a
// folder without write permission) refused the first change with Go's
// words inside assay's sentence: "creating …/.local: mkdir …/.local:
// read-only file system". It now names the folder, says what is wrong
// with it in assay's words, and what to do: make it writable, or name
// another place (--db or $ASSAY_DB for the database, $XDG_CONFIG_HOME for
// the signing key). Nothing is created.
func TestAnUnwritableHomeIsRefusedInAssaysWords(t *testing.T) {
	bin := assayBinary(t)
	t.Run("read-only mount", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("only root mounts a read-only file system here")
		}
		home := readOnlyFolder(t)
		checkUnwritableHome(t, []string{bin}, home, "is read-only")
	})
	t.Run("no write permission", func(t *testing.T) {
		cmd := unprivileged(t, bin)
		base := t.TempDir()
		openDir(t, base)
		home := filepath.Join(base, "home")
		if err := os.Mkdir(home, 0o755); err != nil {
			t.Fatal(err)
		}
		giveAway(t, home)
		if err := os.Chmod(home, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(home, 0o755) })
		checkUnwritableHome(t, cmd, home, "you may not write in it")
	})
}

func checkUnwritableHome(t *testing.T, cmd []string, home, says string) {
	t.Helper()
	env := []string{"HOME=" + home, "ASSAY_REVIEWER=Dana Reyes", "NO_COLOR=1", "LANG=C.UTF-8", "PATH=" + os.Getenv("PATH")}
	refused := func(r procResult, remedies ...string) {
		t.Helper()
		want := append([]string{"the folder " + home + " ", says, "nothing was recorded"}, remedies...)
		for _, w := range want {
			if r.code != 1 || !strings.Contains(r.errs, w) {
				t.Errorf("assay %s in a home nothing may be written into: exit %d, stderr %q; want exit 1 and %q in it",
					strings.Join(r.args, " "), r.code, r.errs, w)
			}
		}
		for _, goWords := range []string{"mkdir", "read-only file system", "permission denied", "open "} {
			if strings.Contains(r.errs, goWords) {
				t.Errorf("assay %s says it in Go's words (%q): %q", strings.Join(r.args, " "), goWords, r.errs)
			}
		}
	}
	// The database's folder cannot be made.
	refused(runAs(t, cmd, env, "new", "-q", "vendor-security-screen", "-s", "Globex"), "--db", "$ASSAY_DB", "writable")
	refused(runAs(t, cmd, env, "subject", "add", "Initech", "--kind", "vendor"), "--db", "$ASSAY_DB", "writable")
	// The workspace creates the database as it opens.
	refused(runAs(t, cmd, env, "--accessible"), "--db", "$ASSAY_DB", "writable")
	// The database elsewhere: the signing key's folder cannot be made.
	elsewhere := t.TempDir()
	openDir(t, elsewhere)
	giveAway(t, elsewhere)
	db := filepath.Join(elsewhere, "assay.db")
	refused(runAs(t, cmd, append(env, "ASSAY_DB="+db), "new", "-q", "vendor-security-screen", "-s", "Globex"), "$XDG_CONFIG_HOME", "writable")
	if names := folderNames(t, elsewhere); len(names) != 0 {
		t.Errorf("the refused first change left %q", names)
	}
	if names := folderNames(t, home); len(names) != 0 {
		t.Errorf("the refused changes left %q in the home folder", names)
	}
}
