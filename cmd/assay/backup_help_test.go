package main

import (
	"strings"
	"testing"
)

// assay backup --help named, of what backupTarget refuses, only a
// backup made read-only: a reader of the help could not know that the
// database itself, assay's keys, another user's file or a link another
// user planted are refused too. Each refusal it makes is said there.
func TestBackupHelpSaysEveryRefusal(t *testing.T) {
	s := newCLISession(t)
	help := strings.Join(strings.Fields(s.ok("backup", "--help")), " ")
	for what, phrase := range map[string]string{
		"the database in use":    "the database assay is using",
		"its -wal and the like":  "-wal, -shm or -journal",
		"assay's own files":      "your signing key, the keys you trust or the settings file",
		"what is not a file":     "a folder, a named pipe or a device",
		"a missing folder":       "a folder that does not exist",
		"a planted link":         "a symbolic link another user may have planted in a shared folder",
		"a read-only backup":     "a backup you made read-only",
		"another user's file":    "another user's file you may not write",
		"a file planted in /tmp": "another user's file in a shared folder",
		"an open database":       "a database with a -wal",
		"an unexpanded ~":        "a ~ the shell did not expand",
		"an empty name":          "an empty name",
		"a build's name":         "a name of the form assay gives the copy it builds (.NAME.backup-PID or .NAME.migrating-PID)",
		"a link to nothing":      "a symbolic link to a file that is not there",
	} {
		if !strings.Contains(help, phrase) {
			t.Errorf("assay backup --help does not say it refuses %s (%q)", what, phrase)
		}
	}
}
