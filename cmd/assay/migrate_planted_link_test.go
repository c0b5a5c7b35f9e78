package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Another user plants /tmp/archive.db -> the victim's file and waits for
// assay migrate --from … --db /tmp/archive.db. -o and assay backup refuse
// such a link before writing anything (TestOutputRefusesALinkAnotherUser…);
// migrate --from followed it: into a file not there yet it built the
// team's portfolio where the link led (a folder of the other user's
// choosing, or one of the victim's names), and a file there it opened as
// the database to copy into. It refuses the link as they do, naming it,
// and nothing at the end changes.
func TestMigrateFromRefusesALinkAnotherUserPlantedInASharedFolder(t *testing.T) {
	shared := sharedFolder(t)
	s, owner, env := teamOwnerToMigrate(t)
	home := t.TempDir()
	bashrc := writeFile(t, home, ".bashrc", "export PATH=/usr/bin\n")
	notYet := filepath.Join(home, "portfolio.db")
	for _, c := range []struct{ what, link, dest string }{
		{"a link to a file that is there", filepath.Join(shared, "archive.db"), bashrc},
		{"a link to a file not there yet", filepath.Join(shared, "new.db"), notYet},
	} {
		plantLink(t, c.dest, c.link, otherUser)
		r := runProc(s.bin, withEnv(env, "ASSAY_DB", c.link), "migrate", "--from", owner.dsn)
		want := "cannot write " + c.link + ": the symbolic link " + c.link + " is in " + shared + ", a shared folder"
		if r.code != 1 || !strings.Contains(r.errs, want) || !strings.Contains(r.errs, "another user") || !strings.Contains(r.errs, "nothing was copied") {
			t.Errorf("migrate --from into %s: exit %d, %q\nwant a refusal saying %q, another user, and that nothing was copied", c.what, r.code, r.errs, want)
		}
	}
	if b, _ := os.ReadFile(bashrc); string(b) != "export PATH=/usr/bin\n" {
		t.Errorf("migrate --from changed the file the planted link led to: %q", b)
	}
	if _, err := os.Lstat(notYet); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("migrate --from built a file where the planted link led (%v)", err)
	}
	if entries, _ := os.ReadDir(home); len(entries) != 1 {
		t.Errorf("migrate --from left files in the folder the planted link led to: %v", entries)
	}
}
