package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command that writes with -o, given a file in a folder that is not
// there, names the folder and says that it creates none, as assay backup
// does, and writes nothing. Before, report, plan, export, send and
// convert said only "no such file or directory", which does not say
// whether the file or the folder is missing, nor what to do.
func TestOutputIntoAMissingFolderNamesIt(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	s.ok("answer", "1", "-f", writeFile(t, t.TempDir(), "answers.yaml", "answers:\n  mfa: no\n")) // a plan item, for the POA&M
	commands := append([][]string{}, outputCommands...)
	commands = append(commands,
		[]string{"convert", filepath.Join(convertTestdata, "invented", "caiq-rows.json"), "-o"},
		[]string{"convert", filepath.Join(convertTestdata, "oscal", "sp800-53-rev5-low-ac-at.json"), "-o"},
	)
	base := t.TempDir()
	folder := filepath.Join(base, "no-such-folder")
	for _, args := range commands {
		out := filepath.Join(folder, "out.yaml")
		code, _, errOut := s.run("", append(args, out)...)
		want := "assay: cannot write " + out + ": the folder " + folder + " does not exist, and assay creates none; nothing was written\n"
		if code != 1 || errOut != want {
			t.Errorf("assay %s: exit %d, stderr %q; want 1, %q", strings.Join(args, " "), code, errOut, want)
		}
	}
	// A file where the folder should be is not a folder either.
	file := writeFile(t, base, "a-file", "not a folder\n")
	out := filepath.Join(file, "out.md")
	code, _, errOut := s.run("", "report", "1", "-o", out)
	if want := "assay: cannot write " + out + ": " + file + " is not a folder; nothing was written\n"; code != 1 || errOut != want {
		t.Errorf("report into a file's path: exit %d, stderr %q; want 1, %q", code, errOut, want)
	}
	if entries, err := os.ReadDir(base); err != nil || len(entries) != 1 {
		t.Errorf("something was written in %s: %v, %v", base, entries, err)
	}
}
