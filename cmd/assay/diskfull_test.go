package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// bulkyAnswers answers every question of the vendor-security-screen with a
// long note: about 250 KB for SQLite to write.
func bulkyAnswers(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("answers:\n")
	for i, q := range vendorScreenQuestions {
		b.WriteString("  " + q + ":\n    answer: no\n    note: \"" + strconv.Itoa(i) + strings.Repeat(" ~ note", 2700) + "\"\n")
	}
	return writeFile(t, dir, "bulky.yaml", b.String())
}

// checkFullDiskRefusal wants a failed command that says the disk is full
// (or the file over its limit), and what was not done (undone: "nothing
// was recorded" by a write, "nothing could be read" by a read), without
// SQLite's code.
func checkFullDiskRefusal(t *testing.T, r procResult, db, undone string) {
	t.Helper()
	if r.code != 1 || !strings.Contains(r.errs, db) || !strings.Contains(r.errs, "full") || !strings.Contains(r.errs, undone) {
		t.Errorf("assay %s: exit %d, stderr %q; want exit 1 naming %s, saying the disk is full and that %s", strings.Join(r.args, " "), r.code, r.errs, db, undone)
	}
	if rawCode.MatchString(r.errs) || strings.Contains(r.errs, "disk I/O error") {
		t.Errorf("assay %s shows SQLite's error: %q", strings.Join(r.args, " "), r.errs)
	}
}

// checkNothingRecorded wants the database whole, with nothing answered.
func checkNothingRecorded(t *testing.T, bin string, env []string, db string) {
	t.Helper()
	integrityOK(t, db)
	if r := runProc(bin, env, "list"); r.code != 0 || !strings.Contains(r.stdout, "0/33") {
		t.Errorf("after the failed write: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if r := runProc(bin, env, "verify"); r.code != 0 {
		t.Errorf("verify after the failed write: %s%s", r.stdout, r.errs)
	}
}

// A write that meets a full disk, or a file size limit, says so in
// words, says that nothing was recorded, and records nothing: the
// database stays whole. Before, assay printed SQLite's "disk I/O error
// (4874)" or "database or disk is full (13)".
func TestFullDiskSaysSoAndRecordsNothing(t *testing.T) {
	bin := assayBinary(t)

	t.Run("file size limit", func(t *testing.T) {
		_, _, db, env := binaryWithAssessment(t)
		answers := bulkyAnswers(t, t.TempDir())
		// 64 blocks of 512 bytes: room for the 32 KiB -shm index, not
		// for the commit. Go ignores SIGXFSZ, so a write past the limit
		// fails with EFBIG instead of killing assay.
		r := runProc("/bin/sh", env, "-c", `ulimit -f 64 && exec "$0" "$@"`, bin, "answer", "1", "-f", answers)
		r.args = []string{"answer", "1", "-f", answers}
		checkFullDiskRefusal(t, r, db, "nothing was recorded")
		checkNothingRecorded(t, bin, env, db)
	})

	// A small tmpfs filled up: Linux only (diskfull_linux_test.go).
	t.Run("full file system", func(t *testing.T) { fullFileSystemSaysSo(t, bin) })
}

// A database damaged outside assay (pages overwritten) is named as
// damaged, with what to do, by every command; never with SQLite's code.
// A command that only reads says nothing could be read; one that
// writes, that nothing was recorded.
func TestDamagedDatabaseSaysSo(t *testing.T) {
	bin, _, db, env := binaryWithAssessment(t)
	f, err := os.OpenFile(db, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Pages 3 to 12 become garbage; the header page stays, so the file
	// is still SQLite and assay's.
	if _, err := f.WriteAt([]byte(strings.Repeat("\xff", 10*4096)), 2*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, c := range []struct {
		args   []string
		undone string
	}{
		{[]string{"list"}, "nothing could be read"},
		{[]string{"score", "1"}, "nothing could be read"},
		{[]string{"new", "-q", "vendor-security-screen", "-s", "Globex"}, "nothing was recorded"},
	} {
		args := c.args
		r := runProc(bin, env, args...)
		want := "assay: " + db + " is damaged: SQLite finds it malformed; " + c.undone + ". Restore it from a backup\n"
		if r.code != 1 || r.errs != want {
			t.Errorf("assay %s: exit %d, stderr %q; want %q", args[0], r.code, r.errs, want)
		}
	}
}
