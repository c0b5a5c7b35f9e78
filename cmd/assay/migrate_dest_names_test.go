package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay migrate --from into a file named as assay names the copy it
// builds beside a target (.NAME.migrating-PID, .NAME.backup-PID) made
// it, and the next move or backup to NAME removed it without a word as a
// killed run's leftover. Such a name is refused, as assay backup refuses
// it, and nothing is created.
func TestMigrateFromRefusesANameAssayGivesItsBuilds(t *testing.T) {
	s, owner, env := teamOwnerToMigrate(t)
	out := t.TempDir()
	for _, base := range []string{".archive.db.migrating-99999", ".archive.db.backup-99999", ".archive.db.migrating-99999-wal"} {
		file := filepath.Join(out, base)
		r := runProc(s.bin, withEnv(env, "ASSAY_DB", file), "migrate", "--from", owner.dsn)
		want := file + " is named as assay names a copy it is building (.NAME.backup-PID or .NAME.migrating-PID)"
		if r.code == 0 || !strings.Contains(r.errs, want) || !strings.Contains(r.errs, "nothing was copied") {
			t.Errorf("migrate --from into %s: exit %d, %q\nwant %q", base, r.code, r.errs, want)
		}
		if names := folderNames(t, out); len(names) != 0 {
			t.Errorf("migrate --from into %s left %q", base, names)
		}
	}
}

// assay migrate --from into a symbolic link whose file is not there took
// it for a file that is there: it created the file the link points to by
// opening it and copied into it in place, and a copy that failed (a
// signature by a key not trusted) left that file, holding assay's schema
// and no portfolio, though it said nothing was copied. The move now
// builds the new file beside the one the link points to, as for any new
// file, so that a failure leaves nothing, and one that succeeds names
// the link.
func TestMigrateFromIntoALinkToNothingBuildsWhereItPoints(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01") // signed by ana's key
	shared := t.TempDir()
	to := filepath.Join(shared, "archive.db")
	link := filepath.Join(t.TempDir(), "latest.db")
	must(t, os.Symlink(to, link))

	env := withEnv(owner.env, "ASSAY_DB", link) // the owner's own keys and trust
	r := runProc(s.bin, env, "migrate", "--from", owner.dsn)
	if r.code == 0 || !strings.Contains(r.errs, "a key you do not trust") || !strings.Contains(r.errs, "nothing was copied") {
		t.Fatalf("migrate --from with ana's key not trusted: exit %d, %q; want it refused as not verified", r.code, r.errs)
	}
	if names := folderNames(t, shared); len(names) != 0 {
		t.Errorf("the refused move left %q where the link points", names)
	}

	owner.trust(ana)
	r = runProc(s.bin, env, "migrate", "--from", owner.dsn)
	if r.code != 0 || !strings.Contains(r.stdout, "Copied from ") || !strings.Contains(r.stdout, " to "+link+": 1 assessment") {
		t.Fatalf("migrate --from with ana's key trusted: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != fs.ModeSymlink {
		t.Errorf("the link was replaced: %v", err)
	}
	if _, err := os.Stat(to); errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the move left no file where the link points")
	}
	if names := folderNames(t, shared); len(names) != 1 {
		t.Errorf("the move left %q where the link points, want archive.db alone", names)
	}
}
