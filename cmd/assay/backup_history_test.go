package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --overwrite replaces an earlier backup of this portfolio, and never
// another portfolio's database that nobody has open (no -wal beside
// it), nor a backup of a history this portfolio no longer has (one made
// before a restore rolled it back): either is an assay database, but
// replacing it loses what only it holds. An earlier backup of this
// portfolio, and one of the same state, are still replaced.
func TestBackupOverwriteReplacesOnlyThisPortfoliosEarlierBackup(t *testing.T) {
	s := newCLISession(t)
	id := s.worstCase("vendor-security-screen")
	dir := t.TempDir()

	other := newCLISession(t)
	other.worstCase("dpia")
	otherDB := other.env["ASSAY_DB"]

	earlier := filepath.Join(dir, "earlier.db")
	s.ok("backup", earlier)
	s.ok("answer", id, "-f", taggedAnswers(t, t.TempDir(), "after-the-earlier-backup"))
	later := filepath.Join(dir, "later.db")
	s.ok("backup", later)

	before, _ := os.ReadFile(otherDB)
	code, _, errOut := s.run("", "backup", "--overwrite", otherDB)
	if after, _ := os.ReadFile(otherDB); code == 0 || !bytes.Equal(before, after) ||
		!strings.Contains(errOut, "not a backup of this portfolio") || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("assay backup --overwrite over another portfolio's database: exit %d, %q (file changed: %v)", code, errOut, !bytes.Equal(before, after))
	}
	if out := other.ok("list"); !strings.Contains(out, "dpia") {
		t.Errorf("the other portfolio lost its assessment:\n%s", out)
	}

	// The earlier backup is replaced; so is one of the same state.
	for _, file := range []string{earlier, later} {
		if out := s.ok("backup", "--overwrite", file); !strings.Contains(out, "Backed up to "+file) {
			t.Errorf("assay backup --overwrite %s: %s", filepath.Base(file), out)
		}
	}

	// Restored from the earliest state and then changed, the portfolio
	// no longer has the later backup's history: that backup is kept.
	first := filepath.Join(dir, "first.db")
	s2 := newCLISession(t)
	id2 := s2.worstCase("vendor-security-screen")
	s2.ok("backup", first)
	s2.ok("answer", id2, "-f", taggedAnswers(t, t.TempDir(), "kept-only-in-the-newer-backup"))
	newer := filepath.Join(dir, "newer.db")
	s2.ok("backup", newer)
	s2.env["ASSAY_DB"] = filepath.Join(t.TempDir(), "restored.db")
	copyDB(t, first, s2.env["ASSAY_DB"])
	s2.ok("answer", id2, "-f", taggedAnswers(t, t.TempDir(), "made-after-the-restore"))
	before, _ = os.ReadFile(newer)
	code, _, errOut = s2.run("", "backup", "--overwrite", newer)
	if after, _ := os.ReadFile(newer); code == 0 || !bytes.Equal(before, after) || !strings.Contains(errOut, "not a backup of this portfolio") {
		t.Errorf("assay backup --overwrite over a backup of a history rolled back: exit %d, %q (file changed: %v)", code, errOut, !bytes.Equal(before, after))
	}
}

// The restore's first step, assay --db FILE verify, on a FILE that is not
// there (the backup's name mistyped, or a backup that failed) refuses:
// it said "Audit trail intact: 0 assessments" and created an empty
// database at FILE, which a hurried restore then copied into place.
func TestVerifyOfAMissingBackupCreatesNothing(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	file := filepath.Join(t.TempDir(), "portfolio-2026-03-15.db")
	code, out, errOut := s.run("", "--db", file, "verify")
	if code == 0 || strings.Contains(out, "intact") || !strings.Contains(errOut, "no database at "+file) {
		t.Errorf("assay --db MISSING verify: exit %d, %q%q; want a refusal naming the file", code, out, errOut)
	}
	if _, err := os.Lstat(file); err == nil {
		t.Errorf("assay --db MISSING verify created %s (exit %d, %q%q)", file, code, out, errOut)
	}
}

// A backup the user made read-only (chmod 0444) is protected: --overwrite
// refuses it, as rm and cp -i ask first, and says how to replace it. The
// rename that replaces a backup does not look at the file's mode, and
// root may write any file, so the refusal goes by the mode bits (this
// test holds when run as root too). Made writable again, it is replaced.
func TestBackupOverwriteRefusesAReadOnlyBackup(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	dir := t.TempDir()
	earlier := filepath.Join(dir, "earlier.db")
	s.ok("backup", earlier)
	must(t, os.Chmod(earlier, 0o444))
	link := filepath.Join(dir, "link.db")
	must(t, os.Symlink(earlier, link))

	for _, name := range []string{earlier, link} {
		before := snapshotFolders(t, dir)
		content, _ := os.ReadFile(earlier)
		code, out, errOut := s.run("", "backup", "--overwrite", name)
		if code == 0 || !strings.Contains(errOut, name+" is read-only (protected from changes); nothing was written") ||
			!strings.Contains(errOut, "make it writable first") {
			t.Errorf("assay backup --overwrite %s (read-only): exit %d, %q%q; want a refusal saying it is read-only", filepath.Base(name), code, out, errOut)
		}
		if after := snapshotFolders(t, dir); after != before {
			t.Errorf("assay backup --overwrite %s changed the folder:\n--- before\n%s--- after\n%s", filepath.Base(name), before, after)
		}
		if now, _ := os.ReadFile(earlier); !bytes.Equal(now, content) {
			t.Errorf("assay backup --overwrite %s changed the read-only backup", filepath.Base(name))
		}
	}

	must(t, os.Chmod(earlier, 0o644))
	if out := s.ok("backup", "--overwrite", earlier); !strings.Contains(out, "Backed up to "+earlier) {
		t.Errorf("assay backup --overwrite of the backup made writable again: %s", out)
	}
}
