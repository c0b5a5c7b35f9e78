package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A backup killed while SQLite wrote its copy leaves, in its folder
// (.NAME.backup-PID), the copy at the backup's own name beside a
// -journal whose header says the file was empty before that write: SQLite
// rolls such a journal back, to the empty file, when it next opens the
// copy. Someone who found the copy and checked it with assay --db FILE
// verify (the first restore step) got "SQL logic error: no such table:
// assessments", and the copy, tens of megabytes, was cut to a husk that
// assay had begun to set up as a database; the next command that opened it
// finished that, and verify then called it intact: an empty portfolio,
// looking like a good backup. assay now reads the journal before SQLite
// does, and refuses the file, leaving it and its journal as they were.
func TestACopyAKilledRunLeftMidWriteIsRefusedUnchanged(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	folder := filepath.Join(t.TempDir(), ".portfolio-2026-03-15.db.backup-4242")
	must(t, os.Mkdir(folder, 0o700))
	file := filepath.Join(folder, "portfolio-2026-03-15.db")
	s.ok("backup", file)
	must(t, os.WriteFile(file+"-journal", journalOfAnEmptyFile(), 0o600))
	before, _ := os.ReadFile(file)

	for _, args := range [][]string{{"verify"}, {"list"}, {"backup", filepath.Join(t.TempDir(), "again.db")}} {
		code, out, errOut := s.run("", append([]string{"--db", file}, args...)...)
		if code == 0 || strings.Contains(out, "intact") {
			t.Errorf("assay --db COPY %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		for _, want := range []string{file + " was being written", "-journal", "nothing in it was ever saved", "left it unchanged"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("assay --db COPY %s says %q; want %q in it", strings.Join(args, " "), errOut, want)
			}
		}
		if strings.Contains(errOut, "SQL logic error") {
			t.Errorf("assay --db COPY %s says SQLite's words: %q", strings.Join(args, " "), errOut)
		}
		if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
			t.Fatalf("assay --db COPY %s changed the copy (%d bytes, now %d)", strings.Join(args, " "), len(before), len(after))
		}
		if j, err := os.ReadFile(file + "-journal"); err != nil || !bytes.Equal(j, journalOfAnEmptyFile()) {
			t.Fatalf("assay --db COPY %s changed or removed its -journal (%v)", strings.Join(args, " "), err)
		}
	}
}

// journalOfAnEmptyFile is the first sector of the rollback journal SQLite
// writes for a transaction on a database that was empty when it began, as
// a killed VACUUM INTO leaves it: the journal's magic, no page count, a
// nonce, the database's size before the transaction (0 pages), the
// sector size and the page size.
func journalOfAnEmptyFile() []byte {
	head := []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}
	for _, v := range []uint32{0, 0x12345678, 0, 512, 4096} {
		head = binary.BigEndian.AppendUint32(head, v)
	}
	return append(head, make([]byte, 512-len(head))...)
}
