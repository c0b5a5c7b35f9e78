package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The folder given with --questionnaires is where assay reads your own
// questionnaires and control catalogs. Before, one that was not there (a
// typo, a ~ the shell left in quotes) was read as an empty folder: assay
// new -q mine said there was no questionnaire "mine", and a report left
// your catalogs' controls out, without a word. A file, a named pipe or a
// device there was refused by some commands with Go's "open
// …/catalogs: not a directory" and ignored by others. Each is refused,
// naming the folder and what is wrong, and nothing is recorded; the
// default folder may be missing (nobody has made one), but not be a file.
func TestQuestionnairesFolderThatIsNoFolderIsRefused(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	file := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(file, []byte("id: mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := mkfifo(t, dir, "pipe")
	missing := filepath.Join(dir, "questionaires") // misspelt
	cases := []struct {
		name, flag, want string
	}{
		{"a folder that is not there", "--questionnaires=" + missing,
			missing + " (--questionnaires) is not there: check the name given; assay reads your questionnaires from that folder and creates none"},
		{"a ~ the shell did not expand", "--questionnaires=~/questionnaires",
			"~/questionnaires (--questionnaires) begins with ~, which the shell did not expand (it does not after --questionnaires= or in quotes): give --questionnaires ~/NAME or the whole path"},
		{"a file", "--questionnaires=" + file, file + " (--questionnaires) is a regular file, not a folder"},
		{"a named pipe", "--questionnaires=" + fifo, fifo + " (--questionnaires) is a named pipe (FIFO), not a folder"},
		{"a device", "--questionnaires=/dev/zero", "/dev/zero (--questionnaires) is a device, not a folder"},
		{"a folder under a file", "--questionnaires=" + filepath.Join(file, "q"),
			filepath.Join(file, "q") + " (--questionnaires) cannot be read: a part of its path is a file, not a folder"},
	}
	commands := [][]string{
		{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"},
		{"questionnaires"},
		{"lint", file},
	}
	for _, c := range cases {
		for _, args := range commands {
			t.Run(c.name+"/"+args[0], func(t *testing.T) {
				r := runProc(bin, env, append([]string{c.flag}, args...)...)
				if r.code != 1 || !strings.Contains(r.errs, c.want) {
					t.Errorf("exit %d, stderr %q; want exit 1 and %q", r.code, r.errs, c.want)
				}
			})
		}
	}
	if fi, err := os.Lstat(missing); err == nil {
		t.Errorf("the misspelt folder was created (%v)", fi.Mode())
	}
	if out := runProc(bin, env, "list").stdout; strings.Count(out, "Acme Cloud Ltd") != 1 {
		t.Errorf("a refused assay new recorded an assessment:\n%s", out)
	}

	// The default folder may be missing: most people have none.
	if r := runProc(bin, env, "questionnaires"); r.code != 0 || r.errs != "" {
		t.Fatalf("without a questionnaires folder: exit %d, stderr %q", r.code, r.errs)
	}
	// But a file in its place is named, with where the default comes from.
	def := filepath.Join(dir, "config", "assay", "questionnaires")
	if err := os.MkdirAll(filepath.Dir(def), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(def, []byte("id: mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	want := def + " (the folder of your own questionnaires: $XDG_CONFIG_HOME/assay/questionnaires) is a regular file, not a folder"
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"); r.code != 1 || !strings.Contains(r.errs, want) {
		t.Errorf("a file where the default folder goes: exit %d, stderr %q; want exit 1 and %q", r.code, r.errs, want)
	}
	if out := runProc(bin, env, "list").stdout; strings.Count(out, "Acme Cloud Ltd") != 1 {
		t.Errorf("a refused assay new recorded an assessment:\n%s", out)
	}
}
