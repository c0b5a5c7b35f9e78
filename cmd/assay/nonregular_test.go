package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A named pipe, a device or a folder handed to assay as a file to read
// (answers, assessment, questionnaire, settings file) or as the database
// is refused at once, naming it and what it is, and stays what it was. Before,
// a named pipe made assay wait for ever, deaf to Ctrl-C and SIGTERM.
func TestFilesThatAreNotRegularAreRefused(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	fifo := mkfifo(t, dir, "pipe.yaml")
	qdir := filepath.Join(dir, "questionnaires")
	if err := os.Mkdir(qdir, 0o700); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, qdir, "mine.yaml")
	folder := filepath.Join(dir, "folder.yaml")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	library := filepath.Join(dir, "library.yaml")
	if err := os.WriteFile(library, []byte("urn: urn:intuitem:risk:library:x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"answers file: a named pipe", env, []string{"answer", "1", "--file", fifo}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"answers file: a device", env, []string{"answer", "1", "--file", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
		{"answers file: a folder", env, []string{"answer", "1", "--file", folder}, folder + " is a folder, not a regular file"},
		{"assessment file", env, []string{"import", fifo}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"questionnaire to lint", env, []string{"lint", fifo}, fifo + " is a named pipe (FIFO), not a regular file"},
		// verify --against looked at the file's first bytes (is it a PDF?)
		// with a plain open, before it read it as other files are read:
		// a named pipe made it wait for ever.
		{"report to verify against", env, []string{"verify", "--against", fifo}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"report to verify against: a device", env, []string{"verify", "--against", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
		{"file to convert", env, []string{"convert", fifo}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"mapping set to convert with", env, []string{"convert", library, "--mapping", fifo}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"questionnaire in the folder", env, []string{"--questionnaires", qdir, "questionnaires"}, "Skipping the questionnaire file " + filepath.Join(qdir, "mine.yaml") + ":1:1: the file is a named pipe (FIFO), not a regular file"},
		{"settings file", append(append([]string{}, env...), "ASSAY_CONFIG="+fifo), []string{"review", "1", "--submit", "--comment", "x"}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"database: a named pipe", env, []string{"--db", fifo, "list"}, fifo + " is a named pipe (FIFO), not a regular file"},
		{"database: a device", env, []string{"--db", "/dev/zero", "list"}, "/dev/zero is a device, not a regular file"},
		{"database: a folder", env, []string{"--db", folder, "list"}, folder + " is a folder, not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, hung := runBounded(t, bin, c.env, c.args...)
			if hung {
				t.Fatalf("assay %s still waiting after %v", strings.Join(c.args, " "), hangLimit)
			}
			if !strings.Contains(r.errs, c.want) {
				t.Errorf("stderr %q, want %q", r.errs, c.want)
			}
			if c.name != "questionnaire in the folder" && r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
		})
	}
	for _, p := range []string{fifo, filepath.Join(qdir, "mine.yaml")} {
		if fi, err := os.Lstat(p); err != nil || fi.Mode().Type() != fs.ModeNamedPipe {
			t.Errorf("%s is no longer a named pipe: %v", p, err)
		}
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		t.Errorf("%s is no longer a folder: %v", folder, err)
	}
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(fifo + ext); err == nil {
			t.Errorf("assay left %s beside the named pipe", fifo+ext)
		}
	}
}
