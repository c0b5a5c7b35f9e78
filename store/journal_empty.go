package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strings"
)

// A program that stops in the middle of writing a database in rollback
// mode leaves a -journal beside it, which SQLite plays back when it next
// opens the file, undoing the write. When the journal records that the
// file was empty before that write (SQLite's VACUUM INTO, which assay
// backup builds its copy with, writes the whole copy in one transaction
// on an empty file), playing it back empties the file. Such a file is
// the copy a killed backup left in its folder, at the backup's own name:
// its schema reads as whole (the immutable read ignores the journal),
// and the read-write connection then rolled it back to nothing and
// assay began to set the empty file up as a new database. checkSchema
// refuses it first, leaving the file and its journal as they are.

// journalMagic opens the header of every rollback journal SQLite writes.
var journalMagic = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}

// journalEmptiesFile reports whether journal, a -journal file, is one
// SQLite would play back and that says the database had no pages before
// the write it undoes. Its header is the magic, the number of pages it
// holds, a nonce, then the database's size in pages before the write.
func journalEmptiesFile(journal string) bool {
	f, err := os.Open(journal)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head[:8], journalMagic) && binary.BigEndian.Uint32(head[16:20]) == 0
}

// refuseEmptiedByJournal refuses f when the -journal beside it would empty
// it (journalEmptiesFile).
func (f dbFile) refuseEmptiedByJournal() error {
	if !strings.HasSuffix(f.pending, "-journal") || !journalEmptiesFile(f.pending) {
		return nil
	}
	return fmt.Errorf("%s was being written when the program writing it stopped: %s beside it undoes that write, which began on an empty file, "+
		"so nothing in it was ever saved (a copy an assay backup or migrate killed midway left in its .NAME.backup-PID or .NAME.migrating-PID folder is one such; "+
		"it is not a backup); assay left it unchanged, with its -journal", f.path, f.pending)
}
