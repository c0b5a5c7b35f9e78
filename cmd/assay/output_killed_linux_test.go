package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every command that writes a file with -o, killed with SIGKILL when the
// whole content is written and synced under its temporary name but not
// yet renamed into place, leaves the file as it was: not there if it was
// not, its old bytes if it was, never part of the new one. The killed
// run's temporary file, .assay-PID-…, is the only thing it leaves, and
// the next write into that folder removes it (README, Durability).
func TestOutputKilledBeforeItsRenameLeavesTheFileAsItWas(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	if r := runProc(bin, env, "answer", "1", "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml")); r.code != 0 {
		t.Fatalf("assay answer: exit %d: %s", r.code, r.errs)
	}
	for _, c := range []struct {
		name string
		args []string // FILE stands for the file written
	}{
		{"r.md", []string{"report", "1", "-o", "FILE"}},
		{"r.html", []string{"report", "1", "-o", "FILE"}},
		{"r.pdf", []string{"report", "1", "-o", "FILE"}},
		{"r.docx", []string{"report", "1", "-o", "FILE"}},
		{"plan.csv", []string{"report", "1", "--format", "csv", "-o", "FILE"}},
		{"poam.json", []string{"report", "1", "--format", "oscal-poam", "-o", "FILE"}},
		{"ar.json", []string{"report", "1", "--format", "oscal-assessment-results", "-o", "FILE"}},
		{"acme.assay.json", []string{"export", "1", "-o", "FILE"}},
		{"plan-list.csv", []string{"plan", "1", "--csv", "-o", "FILE"}},
		{"history.json", []string{"history", "1", "-o", "FILE"}},
	} {
		for _, existed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s existed=%v", c.name, existed), func(t *testing.T) {
				folder := t.TempDir()
				file := filepath.Join(folder, c.name)
				args := slices.Clone(c.args)
				args[slices.Index(args, "FILE")] = file
				old := []byte("the file as it was before, which a killed run must leave\n")
				if existed {
					if err := os.WriteFile(file, old, 0o600); err != nil {
						t.Fatal(err)
					}
				}
				pid := killedAt(t, env, "temp-written", args...)

				got, err := os.ReadFile(file)
				switch {
				case existed && err != nil:
					t.Errorf("killed before its rename, %s is gone: %v", c.name, err)
				case existed && !bytes.Equal(got, old):
					t.Errorf("killed before its rename, %s changed: it holds %.200q", c.name, got)
				case !existed && !os.IsNotExist(err):
					t.Errorf("killed before its rename, %s is there (%v); it was not before", c.name, err)
				}
				left := namesIn(t, folder, c.name)
				if prefix := fmt.Sprintf(".assay-%d-", pid); len(left) != 1 || !strings.HasPrefix(left[0], prefix) {
					t.Errorf("beside %s the killed run left %q; want its temporary file alone, named %s…", c.name, left, prefix)
				}

				if r := runProc(bin, env, args...); r.code != 0 {
					t.Fatalf("assay %s after the killed run: exit %d: %s", strings.Join(args, " "), r.code, r.errs)
				}
				if got, err := os.ReadFile(file); err != nil || len(got) == 0 || bytes.Equal(got, old) {
					t.Errorf("the run after the killed one did not write %s (%d bytes, %v)", c.name, len(got), err)
				}
				if left := namesIn(t, folder, c.name); len(left) != 0 {
					t.Errorf("after the next write into the folder, beside %s are still %q", c.name, left)
				}
			})
		}
	}
}

// namesIn lists the names in folder other than except.
func namesIn(t *testing.T, folder, except string) []string {
	t.Helper()
	entries, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != except {
			names = append(names, e.Name())
		}
	}
	return names
}
